/**
 * What every view's controller is handed: the backend, the window's state, the ways to show it
 * again, and the one place a backend call is run busy, its failure reported and the window shown
 * again (`busyCall`). The app makes one per mount (`createContext`).
 */
import type { Backend } from "./backend";
import type { MainView, State } from "./appState";
import { errorMessage } from "./format";

/** How `busyCall` runs a call. */
export interface CallOptions {
  /** Whether the window is busy while the call runs (buttons off, the grid not editable):
   * "shown" (the default) shows it busy first; "quiet" does not draw it again first (an edit
   * leaving a cell of the grid); false: not busy. */
  busy?: "shown" | "quiet" | false;
  /** Afterwards the whole window is drawn again (the sidebar too: the drafts, the library),
   * not only the error banner and the main pane. */
  whole?: boolean;
}

export interface Context {
  backend: Backend;
  /** The window's state: the controllers read and change it, then draw the window again. */
  state: State;
  /** Reports a failure in the error banner (shown when the banner is drawn next). */
  fail(context: string, e: unknown): void;
  /** Counts `work` among what `idle` waits for; gives `work` back. */
  track(work: Promise<void>): Promise<void>;
  /** Resolves when every call started so far has been handled. */
  idle(): Promise<void>;
  /** Runs `run` (tracked), busy as `options` say, a failure reported as `failure` in the
   * banner, then draws the window again (the one place this is written). */
  busyCall(failure: string, run: () => Promise<void>, options?: CallOptions): Promise<void>;
  /** Shows `view` in the main pane (a 返回 shows the view under another). */
  show(view: MainView): void;
  /** Draws the whole window again: the banner, the sidebar and the main pane. */
  render(): void;
  renderMain(): void;
  renderBanner(): void;
}

/** How the window is drawn: the app's part of the context. */
export interface Screen {
  render(): void;
  renderMain(): void;
  renderBanner(): void;
}

export function createContext(backend: Backend, state: State, screen: Screen): Context {
  let pending: Promise<void> = Promise.resolve();
  const fail = (context: string, e: unknown) => {
    state.error = `${context}：${errorMessage(e)}`;
  };
  const track = (work: Promise<void>): Promise<void> => {
    pending = Promise.all([pending, work]).then(
      () => undefined,
      () => undefined,
    );
    return work;
  };
  const busyCall = async (failure: string, run: () => Promise<void>, { busy = "shown", whole = false }: CallOptions = {}): Promise<void> => {
    if (busy) state.busy = true;
    if (busy === "shown") screen.renderMain();
    try {
      await run();
    } catch (e) {
      fail(failure, e);
    }
    if (busy) state.busy = false;
    if (whole) {
      screen.render();
    } else {
      screen.renderBanner();
      screen.renderMain();
    }
  };
  return {
    backend, state, fail, track,
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
    },
    busyCall: (failure, run, options) => track(busyCall(failure, run, options)),
    show: (view) => {
      state.main = view;
      screen.renderMain();
    },
    render: () => screen.render(),
    renderMain: () => screen.renderMain(),
    renderBanner: () => screen.renderBanner(),
  };
}
