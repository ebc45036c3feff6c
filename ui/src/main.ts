/**
 * Entry point of the Yusuan frontend: loads the styles and mounts the app on
 * #app with the Tauri backend. Under `npm run dev` in a plain browser (no
 * Tauri), it uses an in-memory sample library instead so the UI can be worked
 * on; that code is left out of production builds.
 */
import { isTauri } from "@tauri-apps/api/core";
import "./style.css";
import { mount } from "./app";
import type { Backend } from "./backend";
import { TauriBackend } from "./tauriBackend";

async function chooseBackend(): Promise<Backend> {
  if (import.meta.env.DEV && !isTauri()) {
    const { demoBackend } = await import("./demo");
    return demoBackend();
  }
  return new TauriBackend();
}

const root = document.getElementById("app");
if (root) void chooseBackend().then((backend) => mount(backend, root));
