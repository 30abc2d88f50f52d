/**
 * 检查 tab, working through findings: grouping by category then rule with counts, folding of
 * identical findings of one paragraph, a group's own 全部修复, the finding shown in its sentence
 * (wrong text struck through, fix inserted, invisible characters named), 上一处/下一处 in
 * document order, and focus moving to the results after 开始检查.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Finding } from "../../src/core/findings";
import { MemoryHost } from "../../src/preview/memoryHost";
import { App } from "../../src/taskpane/App";
import { describe as describeText, findingContext, nameOf } from "../../src/taskpane/check/context";
import { groupFindings, stepOrder } from "../../src/taskpane/check/group";
import { makeDoc } from "../helpers/docBuilder";
import { TEST_RULES } from "./testRules";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "r",
  category: "punctuation.width",
  severity: "warning",
  paragraph: 0,
  start: 0,
  end: 1,
  excerpt: ",",
  message: "m",
  ...over,
});

describe("groupFindings", () => {
  test("category then rule, counts per group, identical findings of a paragraph folded", () => {
    const fix = { description: "改", text: [] };
    const fs = [
      finding({ rule: "typo", category: "typo", severity: "error", paragraph: 1, start: 3, end: 5, message: "t" }),
      finding({ rule: "comma", paragraph: 0, start: 9, message: "c", fix }),
      finding({ rule: "comma", paragraph: 0, start: 2, message: "c", fix }),
      finding({ rule: "comma", paragraph: 2, start: 1, message: "c", fix }),
      finding({ rule: "comma", paragraph: 0, start: 5, message: "other" }),
    ];
    const groups = groupFindings(fs, new Map([["comma", 0], ["typo", 1]]));
    expect(groups.map((g) => [g.category, g.count])).toEqual([["punctuation.width", 4], ["typo", 1]]);
    const comma = groups[0].rules[0];
    expect(comma.count).toBe(4);
    expect(comma.fixable).toHaveLength(3);
    // Paragraph 0's two "c" findings are one card; "other" differs; paragraph 2 is its own card.
    expect(comma.cards.map((c) => [c.first.paragraph, c.first.start, c.all.length])).toEqual([
      [0, 2, 2],
      [0, 5, 1],
      [2, 1, 1],
    ]);
    expect(new Set(comma.cards.map((c) => c.key)).size).toBe(3);
    expect(stepOrder(groups).map((c) => [c.first.paragraph, c.first.start])).toEqual([
      [0, 2],
      [0, 5],
      [1, 3],
      [2, 1],
    ]);
  });

  test("different messages at one place get distinct keys", () => {
    const groups = groupFindings([finding({ message: "a" }), finding({ message: "b" })], new Map());
    const keys = groups[0].rules[0].cards.map((c) => c.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });
});

describe("findingContext", () => {
  test("window around the fault, the fix, and the change named in words", () => {
    const text = "一二三四五六七八九十甲乙丙丁,戊己庚辛壬癸子丑寅卯辰巳午未";
    const at = text.indexOf(",");
    const c = findingContext(
      finding({ start: at, end: at + 1, fix: { description: "改", text: [{ paragraph: 0, start: at, end: at + 1, text: "，" }] } }),
      text,
      4,
    );
    expect(c).toEqual({ before: "…甲乙丙丁", removed: ",", inserted: "，", after: "戊己庚辛…", change: "半角逗号「,」改为全角逗号「，」" });
  });

  test("invisible characters are named and shown as a visible mark", () => {
    const text = "关于\u00a0加强";
    const c = findingContext(finding({ start: 2, end: 3, fix: { description: "删", text: [{ paragraph: 0, start: 2, end: 3, text: "" }] } }), text);
    expect(c.change).toBe("删除不间断空格");
    expect(c.removed).toBe("\u00a0");
    expect(nameOf("\u200b")).toBe("零宽空格");
    expect(describeText("\u3000\u3000")).toBe("2 个全角空格");
    expect(nameOf("处臵")).toBeUndefined();
  });

  test("never throws on odd input", () => {
    for (const text of ["", "\ud800", "\u200b\u200b", "，，，"]) {
      expect(() => findingContext(finding({ start: 0, end: 5 }), text)).not.toThrow();
      expect(() => findingContext(finding({ start: 7, end: 2 }), text)).not.toThrow();
    }
  });
});

describe("in the pane", () => {
  async function setup() {
    const host = new MemoryHost(makeDoc(["关于处臵,工作的XX通知", "二〇一九年,加强处臵,建设", "第三段没有问题"]));
    const user = userEvent.setup();
    await act(async () => render(<App host={host} initialTab="check" rules={TEST_RULES} />));
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    return { host, user, list };
  }

  test("focus on the results; a group's 全部修复 fixes that group only; context struck/inserted; 下一处 walks in document order", async () => {
    const { host, user, list } = await setup();
    // Focus went to the results summary, not the page body.
    await waitFor(() => expect(screen.getByRole("status", { name: "检查结果概要" })).toHaveFocus());
    // The comma card shows the sentence with the comma struck and the full-width one inserted.
    const commaCard = within(list).getAllByRole("listitem").find((li) => li.textContent?.includes("半角逗号「,」改为全角逗号「，」"))!;
    expect(commaCard.querySelector("del")?.textContent).toBe(",");
    expect(commaCard.querySelector("ins")?.textContent).toBe("，");
    // 下一处 three times: paragraph 0 typo, comma, then XX (document order, across groups).
    const selected = () => {
      const s = host.currentSelection;
      return s ? host.model.paragraphs[s.paragraph].text.slice(s.start, s.end) + "@" + s.paragraph : "";
    };
    for (const want of ["处臵@0", ",@0", "XX@0", ",@1"]) {
      await user.click(screen.getByRole("button", { name: "下一处" }));
      await waitFor(() => expect(selected()).toBe(want));
    }
    await user.click(screen.getByRole("button", { name: "上一处" }));
    await waitFor(() => expect(selected()).toBe("XX@0"));
    // The keyboard does the same: Alt+↓ goes on to the next one.
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    await waitFor(() => expect(selected()).toBe(",@1"));
    // The typo group's own 全部修复 leaves the commas alone.
    await user.click(screen.getByRole("button", { name: "全部修复「错别字」（2 处）" }));
    await screen.findByText("已修复 2 处。");
    expect(host.model.paragraphs.map((p) => p.text)).toEqual(["关于处置,工作的XX通知", "二〇一九年,加强处置,建设", "第三段没有问题"]);
  });

  test("a collapsed group hides its cards and says so", async () => {
    const { user, list } = await setup();
    const toggle = within(list).getByRole("button", { name: "中文中的半角标点（3 处）" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const before = within(list).getAllByRole("listitem").length;
    await user.click(toggle);
    expect(within(list).getByRole("button", { name: "中文中的半角标点（3 处）" })).toHaveAttribute("aria-expanded", "false");
    // Paragraph 0 has one comma card, paragraph 1 one card folding two: 2 cards become 1 header item.
    expect(within(list).getAllByRole("listitem")).toHaveLength(before - 1);
  });
});
