import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// A loaded CI machine (2 cores, several jest workers, other jobs) can take far longer than the 1 s
// default to settle a lazy tab, a worker's check or a debounced refresh. waitFor returns as soon
// as the state holds; this is only how long a test waits before it is called failed.
configure({ asyncUtilTimeout: 20000 });
import { TextDecoder, TextEncoder } from "util";

// Fluent UI v9 measures elements; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

// jest-axe: expect(await axe(container)).toHaveNoViolations()
import { toHaveNoViolations } from "jest-axe";
expect.extend(toHaveNoViolations);

// Fluent's focus manager (tabster) lives on the window, not in the rendered tree, and applies its
// modal state (aria-hidden on everything outside an open dialog) from timers. Between tests the
// tree is unmounted but a late timer of the last test's dialog could still hide the next test's
// dialog. Each test starts with no tabster: unmount, then dispose it (Fluent makes a new one).
import { cleanup } from "@testing-library/react";
import { disposeTabster, getTabster } from "tabster";
afterEach(() => {
  cleanup();
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster, true);
});
