/**
 * 设置's controller: the settings read when it opens, saved as typed (Rust checks them), a
 * backup of 我的预算库 made, or one restored — or 我的预算库 moved to the bureau's server and back
 * (after either, the libraries are read again). A refusal
 * shows in the error banner; the view stays as it was.
 */
import type { Setting } from "../appState";
import type { Context } from "../context";
import type { SettingsView } from "../generated/contract";
import { renderSettingsView } from "./settingsView";

export interface SettingsController {
  /** The 设置 view of `m`. */
  render(m: Setting): HTMLElement;
  /** Opens 设置 over the view shown (or the one under 设置 already open). */
  open(): Promise<void>;
}

/** `reloadLibraries` reads the libraries again after a restore or a move to or from a server. */
export function settingsController(ctx: Context, reloadLibraries: () => Promise<void>): SettingsController {
  const { backend, state } = ctx;

  /** A 设置 call; its answer shown with `done`. */
  const settingsCall = (call: () => Promise<SettingsView>, done: string) =>
    ctx.busyCall("设置未保存", async () => {
      const settings = await call();
      const m = state.main;
      if (m.view === "settings") Object.assign(m, { settings, notice: done });
    });

  return {
    render: (m) => renderSettingsView({
      view: m.settings, busy: state.busy, notice: m.notice,
      onSave: (s) => {
        // A server connected or left: 我的预算库 is another library, its lists read again.
        const moved = (s.server ?? null) !== (m.settings.settings.server ?? null);
        const done = moved
          ? s.server ? "已连接单位服务器：我的预算库现为服务器上的预算库。" : "已改用本机文件作为我的预算库。"
          : "设置已保存：新建的草稿和对比按新的阈值，导出按新的字体。";
        const saved = settingsCall(() => backend.saveSettings(s), done);
        void ctx.track(moved ? saved.then(reloadLibraries) : saved);
      },
      onBackup: () => void settingsCall(() => backend.backupLibrary(), "已备份我的预算库。"),
      onRestore: (path) => void ctx.track(settingsCall(() => backend.restoreBackup(path), "已用备份恢复我的预算库（恢复前的状态已另存为一份备份）。").then(reloadLibraries)),
      onBack: () => ctx.show(m.under),
    }),
    open: () => ctx.busyCall("无法打开设置", async () => {
      const settings = await backend.getSettings();
      state.main = { view: "settings", settings, notice: null, under: state.main.view === "settings" ? state.main.under : state.main };
    }, { busy: false }),
  };
}
