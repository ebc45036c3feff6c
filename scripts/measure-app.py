#!/usr/bin/env python3
"""Measures the desktop app as a user meets it (docs/benchmarks.md, "The app"): time from launch
to an interactive library, memory of the app with its WebKit processes (PSS), and the time from
an edit of a draft line to the recomputed figure on screen.

Drives the real binary through tauri-driver (WebDriver), under Xvfb:
    xvfb-run -a python3 scripts/measure-app.py target/release/yusuan-app
The data folder is a fresh temporary one (the first launch imports the example library, the
later launches open it) and the edit is made in a new draft of the wanli 2025 example (127
lines); with DATA_DIR=dir, a prepared folder is used and its first draft is edited, e.g. the
2,000-line one of `cargo run --release -q -p yusuan-api --example large_draft -- dir`.
"""
import json, os, statistics, subprocess, sys, tempfile, time, socket

APP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/yusuan-app")
RUNS = int(os.environ.get("RUNS", "5"))


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


_conn = {}


def call(base, method, path, body=None):
    """One WebDriver command over a kept-alive connection (as WebDriver clients do)."""
    import http.client
    host = base.removeprefix("http://")
    data = None if body is None else json.dumps(body).encode()
    for attempt in range(2):
        conn = _conn.get(host) or http.client.HTTPConnection(host, timeout=60)
        _conn[host] = conn
        try:
            conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            payload = r.read()
            if r.status >= 400:
                raise RuntimeError(f"{method} {path}: {r.status} {payload[:200]!r}")
            return json.loads(payload or b"{}").get("value")
        except (http.client.HTTPException, ConnectionError):
            conn.close(); _conn.pop(host, None)
            if attempt == 1:
                raise


def script(base, sid, js, args=None, asynchronous=False):
    return call(base, "POST", f"/session/{sid}/execute/{'async' if asynchronous else 'sync'}", {"script": js, "args": args or []})


def pss_mb():
    """PSS of the app and its WebKit processes, in MB (this machine runs nothing else of theirs)."""
    total, names = 0, []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            comm = open(f"/proc/{pid}/comm").read().strip()
            if comm.startswith(("yusuan-app", "WebKitWebProces", "WebKitNetworkPr", "WebKitGPUProces")):
                for line in open(f"/proc/{pid}/smaps_rollup"):
                    if line.startswith("Pss:"):
                        kb = int(line.split()[1]); total += kb; names.append(f"{comm}={kb // 1024}MB")
        except OSError:
            pass
    return total / 1024, names


def main():
    data = os.environ.get("DATA_DIR") or tempfile.mkdtemp(prefix="yusuan-measure-")
    port, native = free_port(), free_port()
    env = dict(os.environ, YUSUAN_DATA_DIR=data)
    driver = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(native)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close(); break
            except OSError:
                time.sleep(0.1)
        launches, memory, latencies, lines = [], [], [], 0
        for run in range(RUNS):
            t0 = time.perf_counter()
            while True:
                try:
                    sid = call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {"tauri:options": {"application": APP}}}})["sessionId"]; break
                except (RuntimeError, OSError):
                    if time.perf_counter() - t0 > 60: raise
                    time.sleep(0.05)
            while script(base, sid, "return document.querySelectorAll('[data-testid=doc-item]').length;") < 1:
                time.sleep(0.01)
            launches.append(time.perf_counter() - t0)
            time.sleep(1.0)
            mb, names = pss_mb(); memory.append(mb)
            if run == RUNS - 1:
                if script(base, sid, "return document.querySelectorAll('[data-testid=draft-item]').length;") > 0:
                    script(base, sid, "document.querySelector('[data-testid=draft-item]').click();")
                else:
                    # The 编制 view of the largest example (wanli 2025: 127 lines).
                    script(base, sid, "[...document.querySelectorAll('[data-testid=doc-item]')].find(e => e.textContent.includes('万里街道') && e.textContent.includes('2025')).click();")
                    time.sleep(1.0)
                    script(base, sid, "document.querySelector('[data-testid=start-draft]').click();")
                while not script(base, sid, "return !!document.querySelector('.tabulator-row[data-key]');"):
                    time.sleep(0.05)
                lines = script(base, sid, "return parseInt(document.querySelector('.lines h2').textContent.match(/（(\\d+) 行/)[1], 10);")
                key = script(base, sid, "return [...document.querySelectorAll('.tabulator-row[data-key]')].find(r => r.dataset.key.startsWith('支出|')).dataset.key;")
                measure = """
                  const [key, value] = arguments;
                  const figure = () => document.querySelector("[data-testid='figure-收入预算'] [data-testid=figure-current]").textContent;
                  const before = figure();
                  // The line's 本年 cell in the grid: focusing it opens its editor, as a click does.
                  const cell = [...document.querySelectorAll('.tabulator-row[data-key]')].find(r => r.dataset.key === key).querySelector('[tabulator-field=value_yuan]');
                  cell.focus();
                  const input = cell.querySelector('input');
                  window.__dt = null;
                  const t0 = performance.now();
                  const obs = new MutationObserver(() => {
                    if (figure() !== before) { obs.disconnect(); requestAnimationFrame(() => { window.__dt = performance.now() - t0; }); }
                  });
                  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
                  input.value = value; input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                """
                for i in range(8):
                    script(base, sid, measure, [key, str(600000 + 1000 * (i + 1))])
                    while (dt := script(base, sid, "return window.__dt;")) is None:
                        time.sleep(0.05)
                    if os.environ.get("DEBUG"): print(i, dt, file=sys.stderr)
                    latencies.append(dt)
                mb, names = pss_mb(); memory.append(mb)
            call(base, "DELETE", f"/session/{sid}")
            time.sleep(1.0)
        print(f"app: {APP}")
        print(f"launch → library listed, s: first {launches[0]:.2f}; later runs median {statistics.median(launches[1:]):.2f} (all: {', '.join(f'{x:.2f}' for x in launches)})")
        print(f"PSS, MB (app + WebKit processes), library open: median {statistics.median(memory[:-1]):.0f}; after drafting: {memory[-1]:.0f} ({', '.join(names)})")
        print(f"edit → figure on screen, ms ({lines}-line draft, 8 edits): median {statistics.median(latencies):.1f}, max {max(latencies):.1f}")
    finally:
        driver.terminate(); driver.wait()


if __name__ == "__main__":
    main()
