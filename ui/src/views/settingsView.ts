/**
 * The 设置 view: the change threshold (percent and 元) that drafts and comparisons use, the
 * export fonts (empty = the system's 宋体/黑体), where the data folder and libraries are, and
 * backups of 我的预算库 (made now, or daily and before upgrades by Rust; any of them restored), and
 * 单位服务器 — the bureau's library on its PostgreSQL server, which 我的预算库 then is. Values go
 * to Rust as typed; Rust checks them (a server is connected before it is saved) and says what is
 * wrong.
 */
import { h } from "../dom";
import { groupThousands } from "../format";
import type { Settings, SettingsView } from "../generated/contract";

export interface SettingsViewProps {
  view: SettingsView;
  busy: boolean;
  /** What the last save or backup did, in Chinese (null before any). */
  notice: string | null;
  onSave(settings: Settings): void;
  onBackup(): void;
  /** Restores 我的预算库 from this backup (Rust keeps the present state first). */
  onRestore(path: string): void;
  onBack(): void;
}

const size = (bytes: number) => `${groupThousands(String(Math.max(1, Math.round(bytes / 1024))))} KB`;

export function renderSettingsView(p: SettingsViewProps): HTMLElement {
  const s = p.view.settings;
  const field = (id: string, value: string, placeholder = "") => h("input", { value, placeholder, "data-testid": `setting-${id}` });
  const percent = field("threshold-percent", s.threshold_percent);
  const yuan = field("threshold-yuan", s.threshold_yuan);
  const body = field("body-font", s.body_font ?? "", "留空：系统的宋体（或 Noto Serif CJK）");
  const heading = field("heading-font", s.heading_font ?? "", "留空：系统的黑体（或 Noto Sans CJK）");
  const server = field("server", s.server ?? "", "postgres://用户:口令@服务器/数据库");
  const row = (label: string, input: HTMLElement, hint: string) => h("tr", {}, h("th", {}, label), h("td", {}, input), h("td", { class: "muted" }, hint));
  const settings = (serverUrl: string | null): Settings => ({
    threshold_percent: percent.value.trim(),
    threshold_yuan: yuan.value.trim().replace(/,/g, ""),
    body_font: body.value.trim() || null,
    heading_font: heading.value.trim() || null,
    server: serverUrl,
  });
  const save = () => p.onSave(settings(server.value.trim() || null));
  return h(
    "div",
    { class: "settings-view", "data-testid": "settings-view" },
    h("header", { class: "doc-header" }, h("h1", { class: "doc-title" }, "设置"), h("div", { class: "doc-facts" }, h("button", { type: "button", "data-testid": "back-to-docs", onclick: () => p.onBack() }, "返回文档"))),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, "变动阈值与导出字体"),
      h(
        "table",
        { class: "facts-table" },
        h(
          "tbody",
          {},
          row("变动幅度（%）", percent, "编制：超过 ±此比例（或从零变化）的数字须填写原因；对比：标为“变动较大”"),
          row("变动金额（元）", yuan, "对比：变动同时超过此金额才标为“变动较大”"),
          row("正文字体文件", body, "导出 PDF 的正文和表格字体，如 C:\\Windows\\Fonts\\simsun.ttc"),
          row("标题字体文件", heading, "导出 PDF 的标题字体，如 C:\\Windows\\Fonts\\simhei.ttf"),
        ),
      ),
      h("button", { type: "button", "data-testid": "settings-save", disabled: p.busy, onclick: save }, "保存设置"),
      p.notice ? h("p", { class: "ok", "data-testid": "settings-notice" }, p.notice) : null,
    ),
    renderServer(p, server, () => save(), () => p.onSave(settings(null))),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, "数据存放位置与备份"),
      h("p", {}, "数据文件夹：", h("code", { "data-testid": "data-dir" }, p.view.data_dir)),
      h("ul", {}, p.view.libraries.map((l) => h("li", {}, h("code", {}, l.path), `（${size(l.bytes)}）`))),
      p.view.connected
        ? h("p", { class: "muted", "data-testid": "backup-on-server" }, "单位服务器上的预算库由服务器的管理员备份；下列为本机文件的备份。")
        : h("button", { type: "button", "data-testid": "backup", disabled: p.busy, onclick: () => p.onBackup() }, "立即备份我的预算库"),
      p.view.backups.length === 0
        ? h("p", { class: "muted" }, "尚无备份。")
        : h(
            "ul",
            { "data-testid": "backups" },
            p.view.backups.map((b) =>
              h(
                "li",
                { "data-testid": "backup-item" },
                h("code", {}, b.path),
                `（${size(b.bytes)}）`,
                " ",
                h("button", {
                  type: "button", class: "link", "data-testid": "restore", disabled: p.busy,
                  title: "用这份备份替换我的预算库；替换前的状态另存为一份备份",
                  onclick: () => { if (window.confirm(`用这份备份恢复我的预算库？\n${b.path}\n当前的预算库会先另存为一份备份。`)) p.onRestore(b.path); },
                }, "恢复"),
              ),
            ),
          ),
      h("p", { class: "muted" }, "每天第一次打开时自动备份一次（保留最近 7 天）；预算库升级到新版本前也会先备份。"),
    ),
  );
}

/** 单位服务器: where 我的预算库 is, connecting to the bureau's server and back to this desk's file. */
function renderServer(p: SettingsViewProps, input: HTMLInputElement, connect: () => void, disconnect: () => void): HTMLElement {
  const { connected, server_error } = p.view;
  return h(
    "section",
    { class: "panel", "data-testid": "server-panel" },
    h("h2", {}, "单位服务器"),
    h(
      "p",
      { "data-testid": "server-status" },
      connected ? `我的预算库现为单位服务器上的预算库：${connected}` : "我的预算库为本机文件。",
    ),
    server_error ? h("p", { class: "error", "data-testid": "server-error" }, `未能连接设置中的单位服务器，暂用本机文件：${server_error}`) : null,
    h("p", { class: "muted" }, "财政局的各部门共用一个预算库时，填写其服务器地址；各部门只能查看和修改本部门的草稿，审核人员可查看全部。"),
    input,
    " ",
    h("button", { type: "button", "data-testid": "server-connect", disabled: p.busy, onclick: connect }, "连接"),
    connected ? h("button", { type: "button", "data-testid": "server-disconnect", disabled: p.busy, onclick: disconnect }, "改用本机文件") : null,
  );
}
