/**
 * The 文稿类型 is the pane's: the one chosen in 检查 is the one 一键排版 in 大纲 formats to (and the
 * 大纲 tab says which), and it survives switching tabs.
 */
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DocModel } from "../../src/core/model";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { TEST_RULES } from "./testRules";

// The two built-in profiles share their fonts today (they differ in 页码, which the host writes, and
// in the rules). To see which profile's format reached the document, 公文 gets a marker title font.
const MARKER_FONT = "测试公文标题体";
jest.mock("../../src/core/profiles", () => {
  const actual = jest.requireActual("../../src/core/profiles");
  return {
    ...actual,
    resolveProfile: (base: string | undefined, cfg?: unknown) => {
      const p = actual.resolveProfile(base, cfg);
      return base === "gongwen" ? { ...p, format: { ...p.format, title: { ...p.format.title, fonts: [MARKER_FONT] } } } : p;
    },
  };
});

/** The sample with every run in 宋体 12 pt: nothing formatted yet. */
function unformatted(): DocModel {
  const d = sampleDraft();
  return { ...d, paragraphs: d.paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, fontEastAsia: "宋体", sizePt: 12 })) })) };
}

async function setup() {
  const host = new MemoryHost(unformatted());
  const user = userEvent.setup();
  await act(async () => render(<App host={host} initialTab="check" rules={TEST_RULES} />));
  return { host, user };
}

async function formatInOutline(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("tab", { name: "大纲" }));
  const region = await screen.findByRole("region", { name: "一键排版" });
  await user.click(within(region).getByRole("button", { name: "一键排版" }));
  await within(region).findByText(/已排版 \d+ 段/);
  return region;
}

describe("one 文稿类型 for the whole pane", () => {
  test("公文 chosen in 检查 drives 一键排版 in 大纲, and the choice stays when coming back", async () => {
    const { host, user } = await setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "文稿类型" }), "gongwen");
    const region = await formatInOutline(user);
    expect(within(region).getByText("按“公文”排版（文稿类型在“检查”中选择）。")).toBeInTheDocument();
    expect(host.model.paragraphs[0].runs[0].fontEastAsia).toBe(MARKER_FONT);

    await user.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByRole("combobox", { name: "文稿类型" })).toHaveValue("gongwen");
  });

  test("讲话稿 (the default) formats to the speech profile", async () => {
    const { host, user } = await setup();
    const region = await formatInOutline(user);
    expect(within(region).getByText("按“讲话稿”排版（文稿类型在“检查”中选择）。")).toBeInTheDocument();
    expect(host.model.paragraphs[0].runs[0].fontEastAsia).toBe("方正小标宋简体");
  });

  test("changing 文稿类型 after opening 大纲 updates what it formats to", async () => {
    const { host, user } = await setup();
    await user.click(screen.getByRole("tab", { name: "大纲" }));
    expect(await screen.findByText(/按“讲话稿”排版/)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "检查" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "文稿类型" }), "gongwen");
    await formatInOutline(user);
    expect(screen.getByText(/按“公文”排版/)).toBeInTheDocument();
    expect(host.model.paragraphs[0].runs[0].fontEastAsia).toBe(MARKER_FONT);
  });
});
