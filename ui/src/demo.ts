/**
 * The in-memory sample libraries used by `npm run dev` in a plain browser:
 * an empty 我的预算库 and a 示例库 holding the hand-written sample document.
 * Only imported in development; never part of a production build.
 */
import { sampleDistrictView, sampleView } from "./fixtures/sampleDocument";
import { MockBackend } from "./mockBackend";

export function demoBackend(): MockBackend {
  return new MockBackend([
    { id: "user", name: "我的预算库", path: "~/.local/share/yusuan/user", documents: [] },
    { id: "examples", name: "示例库", path: "/usr/share/yusuan/examples", documents: [sampleView(), sampleDistrictView()] },
  ]);
}
