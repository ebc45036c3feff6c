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

/** Files dropped on the window are imported (the paths come from Tauri's drag-and-drop event). */
async function listenForDrops(importFiles: (paths: string[]) => Promise<void>): Promise<void> {
  if (!isTauri()) return;
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  await getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === "drop") void importFiles(event.payload.paths);
  });
}

const root = document.getElementById("app");
if (root) void chooseBackend().then(async (backend) => {
  const app = await mount(backend, root);
  await listenForDrops((paths) => app.importFiles(paths));
});
