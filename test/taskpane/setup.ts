import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// A loaded CI machine (2 cores, several jest workers) can take longer than the 1 s default to
// settle a lazy tab or a debounced refresh: wait up to 5 s before failing.
configure({ asyncUtilTimeout: 5000 });
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
