//! The Yusuan desktop app's entry point.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer keeps GPU-style buffers for every layer: measured under Xvfb
    // (scripts/measure-app.py, release build), turning it off takes the app with its WebKit
    // processes from ~343 MB to ~250 MB PSS and an edit's redraw from ~36 to ~24 ms. It is also
    // the usual cure for blank windows on some Linux GPU drivers. A user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: set before any thread is started (the first statement of `main`).
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
    yusuan_app::run();
}
