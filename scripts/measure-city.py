#!/usr/bin/env python3
"""The app on a city's library (docs/benchmarks.md, "Scale"): launch → list shown, memory, the
windowed document list (rows in the page, scrolled to the middle), a search; screenshots.

    KEEP_DIR=/tmp/city cargo run --release -p yusuan-api --example bench_scale -- 10000
    xvfb-run -a python3 scripts/measure-city.py target/debug/yusuan-app /tmp/city /tmp/city-shot
"""
import sys, os, time, base64, socket, subprocess
import importlib.util
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("m", os.path.join(here, "measure-app.py")); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
APP = os.path.abspath(sys.argv[1]); data = sys.argv[2]; out = sys.argv[3]
port, native = m.free_port(), m.free_port()
env = dict(os.environ, YUSUAN_DATA_DIR=data)
driver = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(native)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
try:
    for _ in range(100):
        try: socket.create_connection(("127.0.0.1", port), 0.2).close(); break
        except OSError: time.sleep(0.1)
    launches = []
    for run in range(3):
        t0 = time.perf_counter()
        while True:
            try:
                sid = m.call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {"tauri:options": {"application": APP}}}})["sessionId"]; break
            except (RuntimeError, OSError):
                if time.perf_counter() - t0 > 120: raise
                time.sleep(0.05)
        while m.script(base, sid, "return document.querySelectorAll('[data-testid=doc-item]').length;") < 1:
            time.sleep(0.01)
        launches.append(time.perf_counter() - t0)
        time.sleep(1.0)
        if run == 2:
            n = m.script(base, sid, "return document.querySelectorAll('[data-testid=doc-item]').length;")
            opt = m.script(base, sid, "return document.querySelector('#library-select').selectedOptions[0].textContent;")
            mb, names = m.pss_mb()
            open(out + "-top.png", "wb").write(base64.b64decode(m.call(base, "GET", f"/session/{sid}/screenshot")))
            # Scrolled to the middle: the rows there are in the page.
            m.script(base, sid, "const box = document.querySelector('[data-testid=doc-list]'); box.scrollTop = box.scrollHeight / 2;")
            time.sleep(0.5)
            ids = m.script(base, sid, "return [...document.querySelectorAll('[data-testid=doc-item]')].map(e => e.dataset.id).slice(0,3).join(',');")
            open(out + "-middle.png", "wb").write(base64.b64decode(m.call(base, "GET", f"/session/{sid}/screenshot")))
            # Typing a search: time to the filtered list.
            dt = m.script(base, sid, """
              const input = document.querySelector('[data-testid=doc-search]');
              const t0 = performance.now();
              input.value = '第1234号'; input.dispatchEvent(new Event('input', {bubbles: true}));
              return performance.now() - t0;
            """)
            hits = m.script(base, sid, "return document.querySelectorAll('[data-testid=doc-item]').length;")
            open(out + "-search.png", "wb").write(base64.b64decode(m.call(base, "GET", f"/session/{sid}/screenshot")))
            print(f"items in page {n}; {opt}; PSS {mb:.0f} MB ({', '.join(names)}); middle ids {ids}; search re-render {dt:.0f} ms, {hits} hits")
        m.call(base, "DELETE", f"/session/{sid}")
        time.sleep(1.0)
    print("launch → list, s:", ", ".join(f"{x:.2f}" for x in launches))
finally:
    driver.terminate(); driver.wait()
