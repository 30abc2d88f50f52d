import "@testing-library/jest-dom";
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
