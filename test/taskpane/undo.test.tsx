/**
 * 撤销 in the pane: in 检查 after a fix or a group's 全部修复 (the results are then marked as possibly
 * out of date, focus on the notice), and 撤销排版 in 大纲 after 一键排版.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { DocModel } from "../../src/core/model";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { memoryStore } from "../../src/taskpane/phrases/store";
import { makeDoc } from "../helpers/docBuilder";
import { TEST_RULES } from "./testRules";

const texts = (h: MemoryHost) => h.model.paragraphs.map((p) => p.text);
const ORIGINAL = ["关于处臵,工作的XX通知", "二〇一九年,加强处臵,建设", "第三段没有问题"];

describe("检查: 撤销", () => {
  async function setup() {
    const host = new MemoryHost(makeDoc(ORIGINAL));
    const user = userEvent.setup();
    const view = await act(async () => render(<App host={host} initialTab="check" rules={TEST_RULES} />));
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByRole("list", { name: "检查结果" });
    return { host, user, view };
  }

  test("no 撤销 before a fix; after a group's 全部修复 it names what it takes back and puts the text back", async () => {
    const { host, user, view } = await setup();
    expect(screen.queryByRole("button", { name: /^撤销/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "全部修复「错别字」（2 处）" }));
    await screen.findByText("已修复 2 处。");
    expect(texts(host)).toEqual(["关于处置,工作的XX通知", "二〇一九年,加强处置,建设", "第三段没有问题"]);
    const undo = screen.getByRole("button", { name: "撤销：修复 2 处" });
    await user.click(undo);
    const notice = await screen.findByText("已撤销「修复 2 处」。检查结果可能已过时，请重新检查。");
    expect(texts(host)).toEqual(ORIGINAL);
    // The results are marked as possibly out of date, and fixing from them is off until a re-check.
    expect(screen.getByRole("status", { name: "检查结果概要" })).toHaveTextContent("结果可能已过时");
    expect(screen.getByRole("button", { name: /^全部修复（/ })).toBeDisabled();
    // Focus on the notice that says what happened.
    await waitFor(() => expect(notice.closest("[tabindex='-1']")).toHaveFocus());
    expect(await axe(view.container)).toHaveNoViolations();
    // 重新检查 brings the findings back, fixable again.
    await user.click(within(notice.closest("[tabindex='-1']") as HTMLElement).getByRole("button", { name: "重新检查" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "全部修复「错别字」（2 处）" })).toBeEnabled());
  });

  test("after one card's 修复: 撤销 takes that fix back", async () => {
    const { host, user } = await setup();
    const list = screen.getByRole("list", { name: "检查结果" });
    const card = within(list).getAllByRole("listitem").find((li) => li.textContent?.includes("XX") && li.textContent?.includes("错别字"));
    await user.click(within(card ?? list).getAllByRole("button", { name: "修复" })[0]);
    await screen.findByText("已修复 1 处。");
    expect(texts(host)).not.toEqual(ORIGINAL);
    await user.click(screen.getByRole("button", { name: "撤销：修复 1 处" }));
    await screen.findByText(/^已撤销「修复 1 处」。/);
    expect(texts(host)).toEqual(ORIGINAL);
  });

  test("a paragraph changed after the fix is left alone, and the pane says so", async () => {
    const { host, user } = await setup();
    await user.click(screen.getByRole("button", { name: "全部修复「错别字」（2 处）" }));
    await screen.findByText("已修复 2 处。");
    // The clerk types in the second paragraph after the fix.
    host.placeCursor(1, 0);
    await act(async () => host.insertText("又"));
    await user.click(screen.getByRole("button", { name: "撤销：修复 2 处" }));
    await screen.findByText(/但有 1 段在此之后又被改动过/);
    expect(texts(host)).toEqual(["关于处臵,工作的XX通知", "又二〇一九年,加强处置,建设", "第三段没有问题"]);
  });
});

test("检查: a refused 撤销 says why, with 重新检查 and no 重试", async () => {
  const host = new MemoryHost(makeDoc(ORIGINAL));
  const user = userEvent.setup();
  await act(async () => render(<App host={host} initialTab="check" rules={TEST_RULES} />));
  await user.click(screen.getByRole("button", { name: "开始检查" }));
  await user.click(await screen.findByRole("button", { name: "全部修复「错别字」（2 处）" }));
  await screen.findByText("已修复 2 处。");
  // The clerk retypes both fixed paragraphs.
  await act(async () => {
    host.placeCursor(0, 0);
    await host.insertText("甲");
    host.placeCursor(1, 0);
    await host.insertText("乙");
  });
  await user.click(screen.getByRole("button", { name: "撤销：修复 2 处" }));
  const notice = await screen.findByText("「修复 2 处」之后文档又有改动，无法撤销。");
  expect(within(notice.closest("[tabindex='-1']") as HTMLElement).getByRole("button", { name: "重新检查" })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "重试" })).toBeNull();
  expect(texts(host)).toEqual(["甲关于处置,工作的XX通知", "乙二〇一九年,加强处置,建设", "第三段没有问题"]);
});

describe("大纲: 撤销排版", () => {
  function unformatted(): DocModel {
    const d = sampleDraft();
    return {
      ...d,
      paragraphs: d.paragraphs.map((p) => ({
        ...p,
        alignment: "left",
        firstLineIndentChars: 0,
        firstLineIndentPt: 0,
        lineSpacing: { rule: "auto", value: 1 },
        runs: p.runs.map((r) => ({ ...r, fontEastAsia: "宋体", sizePt: 12 })),
      })),
    };
  }

  test("puts every paragraph's formatting back in one step; focus on the notice; axe-clean", async () => {
    const doc = unformatted();
    const host = new MemoryHost(doc);
    const user = userEvent.setup();
    const view = await act(async () => render(<App host={host} initialTab="outline" store={memoryStore()} />));
    await screen.findByText(/全文共/);
    const region = screen.getByRole("region", { name: "一键排版" });
    expect(within(region).queryByRole("button", { name: "撤销排版" })).toBeNull();
    await user.click(within(region).getByRole("button", { name: "一键排版" }));
    await within(region).findByText(/已排版 \d+ 段/);
    expect(host.model.paragraphs).not.toEqual(doc.paragraphs);
    await user.click(within(region).getByRole("button", { name: "撤销排版" }));
    const notice = await within(region).findByText("已撤销「一键排版」。");
    expect(host.model.paragraphs).toEqual(doc.paragraphs);
    expect(host.model.sections).toEqual(doc.sections);
    await waitFor(() => expect(notice.closest("[tabindex='-1']")).toHaveFocus());
    // Nothing left to take back: the button is gone.
    expect(within(region).queryByRole("button", { name: "撤销排版" })).toBeNull();
    expect(await axe(view.container)).toHaveNoViolations();
  });

  test("is not offered once another change came after 一键排版", async () => {
    const host = new MemoryHost(unformatted());
    const user = userEvent.setup();
    await act(async () => render(<App host={host} initialTab="outline" store={memoryStore()} />));
    await screen.findByText(/全文共/);
    const region = screen.getByRole("region", { name: "一键排版" });
    await user.click(within(region).getByRole("button", { name: "一键排版" }));
    await within(region).findByText(/已排版 \d+ 段/);
    await act(async () => {
      host.editParagraph(13, host.model.paragraphs[13].text + "补充。");
    });
    await user.click(screen.getByRole("button", { name: "刷新" }));
    await screen.findByText(/全文共/);
    // The refresh keeps the notice; its 撤销排版 is gone because the last change is the edit.
    await waitFor(() => expect(within(region).queryByRole("button", { name: "撤销排版" })).toBeNull());
  });
});
