/**
 * The 用户词典 of the 检查 tab (src/taskpane/userWords.ts, UserWordsPanel.tsx, CheckTab.tsx):
 * 加入词典 on a typo finding stores the word in the pane's storage, hides the findings on it at
 * once, and the next check gets it as profile.words (ctx.userWords); the list under 用户词典 shows
 * and removes words; the words survive the pane (same store, new App).
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { resolveProfile } from "../../src/core/profiles";
import type { Finding, Rule } from "../../src/core/rules/types";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { memoryStore } from "../../src/taskpane/phrases/store";
import {
  addUserWord,
  loadUserWords,
  MAX_WORD_CHARS,
  onUserWord,
  saveUserWords,
  suggestedWord,
  USER_WORDS_KEY,
  withoutUserWords,
  withUserWords,
  wordProblem,
} from "../../src/taskpane/userWords";
import { TEST_RULES } from "./testRules";

/** Several checks and a dialog on a loaded 2-core machine: more than the default 30 s allows. */
const UI_TIMEOUT = 90_000;

const finding = (start: number, end: number, over: Partial<Finding> = {}): Finding => ({
  rule: "spelling",
  category: "typo",
  severity: "warning",
  paragraph: 0,
  start,
  end,
  excerpt: "",
  message: "",
  ...over,
});

describe("the stored list", () => {
  test("round trip; nothing stored is an empty list and an empty list removes the key", () => {
    const store = memoryStore();
    expect(loadUserWords(store)).toEqual([]);
    saveUserWords(store, ["乌兰察布", "河长制"]);
    expect(loadUserWords(store)).toEqual(["乌兰察布", "河长制"]);
    saveUserWords(store, []);
    expect(store.data.has(USER_WORDS_KEY)).toBe(false);
  });

  test("damaged storage gives what can be read, never a throw", () => {
    for (const raw of ["", "{", "null", '{"a":1}', "42"]) expect(loadUserWords(memoryStore({ [USER_WORDS_KEY]: raw }))).toEqual([]);
    const mixed = JSON.stringify([" 京广 ", 3, null, "京广", "", "a b", "x".repeat(MAX_WORD_CHARS + 1), "河长制"]);
    expect(loadUserWords(memoryStore({ [USER_WORDS_KEY]: mixed }))).toEqual(["京广", "河长制"]);
  });

  test("adding trims and keeps one of each; problems are plain Chinese", () => {
    expect(addUserWord(["河长制"], " 京广 ")).toEqual(["河长制", "京广"]);
    expect(addUserWord(["河长制"], "河长制")).toEqual(["河长制"]);
    expect(wordProblem("  ")).toMatch(/请填写/);
    expect(wordProblem("乌兰 察布")).toMatch(/空格/);
    expect(wordProblem("字".repeat(MAX_WORD_CHARS + 1))).toMatch(/不能超过 50 个字/);
    expect(wordProblem("乌兰察布")).toBeUndefined();
  });

  test("the check's profile gets the unit's words and the pane's, once each", () => {
    const unit = { ...resolveProfile("speech"), words: ["河长制"] };
    expect(withUserWords(unit, ["京广", "河长制"]).words).toEqual(["河长制", "京广"]);
    expect(withUserWords(unit, [])).toBe(unit);
  });
});

describe("which findings a word hides", () => {
  const text = "推进大数局产业发展，落实河长制。";
  test("a typo finding that touches an occurrence of the word", () => {
    const ju = text.indexOf("局");
    expect(onUserWord(finding(ju, ju + 1), text, ["大数局"])).toBe(true);
    expect(onUserWord(finding(ju, ju + 1), text, ["局产业"])).toBe(true);
    expect(onUserWord(finding(ju, ju + 1), text, ["局"])).toBe(true);
    // Elsewhere in the paragraph, or only next to the finding: not hidden.
    expect(onUserWord(finding(ju, ju + 1), text, ["河长制"])).toBe(false);
    expect(onUserWord(finding(ju, ju + 1), text, ["大数"])).toBe(false);
    expect(onUserWord(finding(ju, ju + 1), text, ["产业"])).toBe(false);
  });

  test("only category typo", () => {
    const ju = text.indexOf("局");
    expect(onUserWord(finding(ju, ju + 1, { category: "punctuation.width" }), text, ["大数局"])).toBe(false);
    expect(withoutUserWords([finding(ju, ju + 1), finding(0, 2)], { 0: text }, ["大数局"])).toEqual([finding(0, 2)]);
  });

  test("the word offered: the quoted stretch around a one-character finding, else the flagged text", () => {
    const ju = text.indexOf("局");
    const spelling = finding(ju, ju + 1, { excerpt: "局", message: "“大数局”疑为“大数据”之误：“局”与“据”是同音字，“大数据”是常用词。" });
    expect(suggestedWord(spelling, text)).toBe("大数局");
    // A quotation that does not stand over the finding is not offered.
    expect(suggestedWord({ ...spelling, message: "“公安局”疑为…" }, text)).toBe("局");
    const curated = finding(0, 2, { excerpt: "推进", message: "“推进”应为“推动”" });
    expect(suggestedWord(curated, text)).toBe("推进");
  });
});

/** A spelling-like rule: flags the one character 臵 and quotes the word it stands in. */
function spellingLike(words: Array<string[]>): Rule {
  return {
    ...TEST_RULES[0],
    id: "test-spelling",
    title: "疑似错别字",
    check(ctx) {
      words.push([...ctx.userWords]);
      for (const p of ctx.doc.paragraphs) {
        const k = p.text.indexOf("处臵");
        if (k >= 0) ctx.report({ paragraph: p.index, start: k + 1, end: k + 2, message: "“处臵”疑为“处置”之误：“臵”与“置”是形近字。" });
      }
    },
  };
}

async function setup(rules: Rule[], store = memoryStore()) {
  const user = userEvent.setup();
  const host = new MemoryHost(sampleDraft());
  const view = await act(async () => render(<App host={host} initialTab="check" rules={rules} store={store} />));
  return { user, store, view };
}

/** Runs a check; the result list, or undefined when nothing is listed. */
async function check(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: "开始检查" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled());
  await screen.findByRole("status");
  return screen.queryByRole("list", { name: "检查结果" }) ?? document.createElement("ul");
}

/**
 * The 加入用户词典 dialog once it is open and accessible. The jsdom/Fluent quirk of
 * test/taskpane/setup.ts and phrases.test.tsx: on a loaded machine jsdom can miss the dialog's
 * initial focus and leave it aria-hidden; a clerk's next act is to click into it, so the test puts
 * focus in it as that click would.
 */
async function openedDialog(): Promise<HTMLElement> {
  const heading = await screen.findByText("加入用户词典", { selector: "h2" });
  const dialog = heading.closest('[role="dialog"]') as HTMLElement;
  expect(dialog).not.toBeNull();
  if (dialog.getAttribute("aria-hidden") === "true") {
    const first = dialog.querySelector<HTMLElement>("input, button");
    if (first) act(() => first.focus());
  }
  await waitFor(() => expect(dialog).not.toHaveAttribute("aria-hidden"));
  return dialog;
}

/** The dialog is gone and the page behind it is back in the accessibility tree. */
async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  await screen.findByRole("button", { name: "开始检查" });
}

const cardsOf = (list: HTMLElement, title: string) =>
  within(list)
    .getAllByRole("listitem")
    .filter((li) => within(li).queryByText(new RegExp(`· ${title}$`)));

describe("加入词典 in the 检查 tab", () => {
  test("on typo findings only; adds the word, hides the finding at once, and the next check gets the word", async () => {
    const seen: Array<string[]> = [];
    const rules = [spellingLike(seen), TEST_RULES[1]];
    const { user, store } = await setup(rules);
    let list = await check(user);
    expect(seen).toEqual([[]]);
    const [card] = cardsOf(list, "疑似错别字");
    for (const li of cardsOf(list, "中文中的半角标点")) expect(within(li).queryByRole("button", { name: "加入词典" })).not.toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "加入词典" }));
    const dialog = await openedDialog();
    // The whole word the message quotes is offered, not the single character.
    expect(within(dialog).getByRole("textbox")).toHaveValue("处臵");
    await user.click(within(dialog).getByRole("button", { name: "加入" }));

    await dialogClosed();
    expect(cardsOf(screen.getByRole("list", { name: "检查结果" }), "疑似错别字")).toHaveLength(0);
    expect(screen.getByText("已将“处臵”加入用户词典，检查不再把它提示为错别字。")).toBeInTheDocument();
    expect(loadUserWords(store)).toEqual(["处臵"]);
    expect(screen.getByText("（用户词典中的词 1 处，未列出）")).toBeInTheDocument();
    expect(screen.queryByText(/已忽略/)).not.toBeInTheDocument();
    // Nothing ran again by itself.
    expect(seen).toHaveLength(1);

    list = await check(user);
    expect(seen[1]).toEqual(["处臵"]);
    // This rule ignores the dictionary; the pane still does not show its finding on the word.
    expect(cardsOf(list, "疑似错别字")).toHaveLength(0);
    expect(cardsOf(list, "中文中的半角标点").length).toBeGreaterThan(0);
  }, UI_TIMEOUT);

  test("the word can be corrected in the dialog; an empty one is refused; 取消 adds nothing", async () => {
    const { user, store } = await setup([spellingLike([])]);
    const list = await check(user);
    await user.click(within(list).getByRole("button", { name: "加入词典" }));
    let dialog = await openedDialog();
    await user.click(within(dialog).getByRole("button", { name: "取消" }));
    await dialogClosed();
    expect(loadUserWords(store)).toEqual([]);

    await user.click(within(list).getByRole("button", { name: "加入词典" }));
    dialog = await openedDialog();
    const box = within(dialog).getByRole("textbox");
    await user.clear(box);
    await user.click(within(dialog).getByRole("button", { name: "加入" }));
    expect(within(dialog).getByText("请填写要加入词典的词。")).toBeInTheDocument();
    await user.type(box, "臵");
    expect(within(dialog).getByText(/只加一个字/)).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, "问题处臵不及时");
    await user.click(within(dialog).getByRole("button", { name: "加入" }));
    await dialogClosed();
    expect(loadUserWords(store)).toEqual(["问题处臵不及时"]);
    expect(screen.queryByRole("button", { name: "加入词典" })).not.toBeInTheDocument();
  }, UI_TIMEOUT);

  test("用户词典 lists the words; 删除 removes one and its findings show again", async () => {
    const store = memoryStore();
    saveUserWords(store, ["乌兰察布", "处臵"]);
    const seen: Array<string[]> = [];
    const { user } = await setup([spellingLike(seen)], store);
    const toggle = screen.getByRole("button", { name: "用户词典（2 个词）" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await check(user);
    expect(seen[0]).toEqual(["乌兰察布", "处臵"]);
    expect(screen.getByText("没有发现问题。")).toBeInTheDocument();

    await user.click(toggle);
    const words = screen.getByRole("list", { name: "用户词典" });
    expect(within(words).getAllByRole("listitem").map((li) => li.firstChild?.textContent)).toEqual(["乌兰察布", "处臵"]);
    await user.click(within(words).getByRole("button", { name: "从词典删除“处臵”" }));
    expect(loadUserWords(store)).toEqual(["乌兰察布"]);
    expect(screen.getByRole("button", { name: "用户词典（1 个词）" })).toBeInTheDocument();
    // Shown again at once, without a new check.
    expect(await screen.findByRole("button", { name: "加入词典" })).toBeInTheDocument();
    await check(user);
    expect(seen[1]).toEqual(["乌兰察布"]);
  }, UI_TIMEOUT);

  test("the words persist in the pane's storage: a new pane on another document uses them", async () => {
    const store = memoryStore();
    const first = await setup([spellingLike([])], store);
    const list = await check(first.user);
    await first.user.click(within(list).getByRole("button", { name: "加入词典" }));
    await first.user.click(within(await openedDialog()).getByRole("button", { name: "加入" }));
    await waitFor(() => expect(loadUserWords(store)).toEqual(["处臵"]));

    // The store is what Word keeps in localStorage; a fresh pane reads it.
    const raw = store.data.get(USER_WORDS_KEY);
    const seen: Array<string[]> = [];
    first.view.unmount();
    const again = await setup([spellingLike(seen)], memoryStore({ [USER_WORDS_KEY]: raw ?? "" }));
    expect(screen.getByRole("button", { name: "用户词典（1 个词）" })).toBeInTheDocument();
    await check(again.user);
    expect(seen[0]).toEqual(["处臵"]);
  }, UI_TIMEOUT);

  test("a word added in another pane is used by this pane's next check", async () => {
    const store = memoryStore();
    const seen: Array<string[]> = [];
    const { user } = await setup([spellingLike(seen)], store);
    saveUserWords(store, ["河长制"]);
    await check(user);
    expect(seen[0]).toEqual(["河长制"]);
    expect(screen.getByRole("button", { name: "用户词典（1 个词）" })).toBeInTheDocument();
  }, UI_TIMEOUT);
});
