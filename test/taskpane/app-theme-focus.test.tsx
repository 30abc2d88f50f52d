/** The taskpane's theme (Office's where given, else the system's) and its tab stops. */
import { act, render, screen } from "@testing-library/react";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { mockColorScheme, type SchemeControl } from "./previewScheme";
import { TEST_RULES } from "./testRules";

let scheme: SchemeControl | undefined;
afterEach(() => {
  scheme?.restore();
  scheme = undefined;
});

const paneTheme = () => document.querySelector<HTMLElement>("[data-theme]")?.dataset.theme;

describe("taskpane theme", () => {
  test("without Office's theme it follows the system's, live", async () => {
    scheme = mockColorScheme(true);
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} initialTab="check" rules={TEST_RULES} />));
    expect(paneTheme()).toBe("dark");
    act(() => scheme!.set(false));
    expect(paneTheme()).toBe("light");
  });

  test("Office's theme wins over the system's", async () => {
    scheme = mockColorScheme(true);
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} theme="light" initialTab="check" rules={TEST_RULES} />));
    expect(paneTheme()).toBe("light");
  });

  test("light where the browser cannot say (no matchMedia)", async () => {
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} initialTab="check" rules={TEST_RULES} />));
    expect(paneTheme()).toBe("light");
  });

  test("dark: Fluent's dark tokens are set on the pane's root, whose background is colorNeutralBackground1", async () => {
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} theme="dark" initialTab="check" rules={TEST_RULES} />));
    const root = document.querySelector<HTMLElement>("[data-theme]")!;
    // Fluent's dark tokens are set on the provider; the pane's colour comes from them.
    expect(getComputedStyle(root).getPropertyValue("--colorNeutralBackground1").trim()).toBe("#292929");
  });
});

describe("taskpane focus", () => {
  // The Tab order itself is Fluent's (tabster), which needs real layout: test/e2e/preview-document.e2e.test.ts
  // presses Tab in Chromium. Here: no panel is focusable itself, whichever tab is open.
  test.each(["outline", "phrases", "check"] as const)("the %s panel is not a tab stop of its own", async (tab) => {
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} initialTab={tab} rules={TEST_RULES} />));
    const panels = document.querySelectorAll('[role="tabpanel"]');
    expect(panels).toHaveLength(3);
    for (const panel of panels) expect(panel).not.toHaveAttribute("tabindex");
    expect(screen.getByRole("tabpanel")).toBeVisible();
  });
});

describe("Office's theme as the Word entry reads it", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });
  // Imported lazily: the entry module pulls in the Word gateway.
  const officeTheme = async () => (await import("../../src/office/entry")).officeTheme();

  test("undefined where Office says nothing, so the pane follows the system", async () => {
    expect(await officeTheme()).toBeUndefined();
    g.Office = { context: {} };
    expect(await officeTheme()).toBeUndefined();
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "" } } };
    expect(await officeTheme()).toBeUndefined();
  });

  test("dark or light from isDarkTheme, else from the body background's brightness", async () => {
    g.Office = { context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#ffffff" } } };
    expect(await officeTheme()).toBe("dark");
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    expect(await officeTheme()).toBe("dark");
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
    expect(await officeTheme()).toBe("light");
  });
});
