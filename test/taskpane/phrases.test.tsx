/** The 提示语 tab: cursor-following suggestions, filters, search, favourites, 我的提示语, import/export. */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { roleFormat } from "../../src/core/format/roles";
import { speechProfile } from "../../src/core/profiles";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import type { PhraseQuery, PhraseSource } from "../../src/taskpane/phrases/source";
import { memoryStore } from "../../src/taskpane/phrases/store";
import { DOMAIN_KEY, FAVOURITES_KEY, USER_PHRASES_KEY } from "../../src/taskpane/phrases/userPhrases";
import { EXPORT_FILE_NAME } from "../../src/taskpane/PhrasesTab";
import { deferredSource, fakeSource, LIBRARY, loadedFake } from "./phrases/fakeSource";

type Store = ReturnType<typeof memoryStore>;

/** The body format of the pane's profile (讲话稿 until the clerk picks another): a phrase in a paragraph of its own gets it. */
const PANE_BODY = roleFormat(speechProfile().format, "body");

const MINE = [
  { id: "u-a1", text: "要把群众满意作为第一标准。", kind: "正文", themes: ["服务"] },
  { id: "u-a2", text: "狠抓督查落实，确保件件有着落", kind: "标题", themes: ["落实"], level: 2 },
];

async function setup(opts: { source?: PhraseSource; store?: Store; cursor?: number; host?: MemoryHost; tab?: "phrases" | "check" } = {}) {
  const host = opts.host ?? new MemoryHost(sampleDraft());
  if (opts.cursor !== undefined) host.placeCursor(opts.cursor, 0);
  const store = opts.store ?? memoryStore();
  const source = opts.source ?? fakeSource();
  const user = userEvent.setup();
  const view = await act(async () => render(<App host={host} initialTab={opts.tab ?? "phrases"} phraseSource={source} store={store} />));
  return { host, store, source, user, view };
}

const list = () => screen.getByRole("list", { name: "提示语" });
const items = () => within(list()).queryAllByRole("listitem");
/** The phrase texts listed, in order (the last span of each item's first button). */
const texts = () => items().map((li) => within(li).getAllByRole("button")[0].querySelector("span:last-of-type")!.textContent);
const itemFor = (text: string) => {
  const li = items().find((x) => x.textContent?.includes(text));
  if (!li) throw new Error(`not listed: ${text}`);
  return li;
};
const byId = (id: string) => LIBRARY.find((e) => e.id === id)!.text;

/** The dialog is gone and the page behind it is back in the accessibility tree (Fluent restores it a moment later). */
/**
 * Clicks 删除 on a user phrase and returns the confirmation. On a loaded machine the first click
 * right after another modal closed can land while Fluent is still restoring the page behind it;
 * click again (only while no confirmation is open) until it shows, up to the usual timeout.
 */
/**
 * The dialog titled `title`, once it is open and accessible. Fluent's focus manager (tabster) makes
 * an opened dialog the active modal when focus enters it; on a loaded machine jsdom can miss the
 * dialog's own initial focus, leaving the new dialog aria-hidden. A clerk's next act is to click
 * into the dialog, so when that happens the test puts focus in it as the click would.
 */
async function openedDialog(title: string, role: "dialog" | "alertdialog" = "dialog"): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: "h2" });
  const dialog = heading.closest(`[role="${role}"]`) as HTMLElement;
  expect(dialog).not.toBeNull();
  if (dialog.getAttribute("aria-hidden") === "true") {
    const first = dialog.querySelector<HTMLElement>("textarea, input, select, button");
    if (first) act(() => first.focus());
  }
  await waitFor(() => expect(dialog).not.toHaveAttribute("aria-hidden"));
  return dialog;
}

async function openDeleteConfirm(user: ReturnType<typeof userEvent.setup>, text: string): Promise<HTMLElement> {
  await user.click(within(itemFor(text)).getByRole("button", { name: "删除" }));
  return openedDialog("删除这条提示语？", "alertdialog");
}

async function dialogClosed() {
  await waitFor(() => expect(screen.queryByRole("dialog") ?? screen.queryByRole("alertdialog")).toBeNull());
  await screen.findByRole("list", { name: "提示语" });
}

/** A File whose text jsdom can read. */
const jsonFile = (content: string, name = "phrases.json") => new File([content], name, { type: "application/json" });

async function importFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  const input = screen.getByLabelText("选择要导入的提示语文件") as HTMLInputElement;
  await user.upload(input, file);
}

describe("loading the library", () => {
  test("is loaded only when the tab is first shown, with a spinner meanwhile", async () => {
    const source = deferredSource();
    const load = jest.spyOn(source, "load");
    const { user } = await setup({ source, tab: "check", cursor: 13 });
    expect(load).not.toHaveBeenCalled();
    await user.click(screen.getByRole("tab", { name: "提示语" }));
    // The tab's own code loads on demand first; then it asks for the library.
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("正在载入提示语库……")).toBeInTheDocument();
    await act(async () => source.resolve());
    await waitFor(() => expect(screen.queryByText("正在载入提示语库……")).not.toBeInTheDocument());
    expect(texts()).toContain(byId("p1-0002"));
    await user.click(screen.getByRole("tab", { name: "检查" }));
    await user.click(screen.getByRole("tab", { name: "提示语" }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a failed load says so in Chinese and 重新载入 tries again", async () => {
    let fail = true;
    const source = fakeSource(async () => {
      if (fail) throw new Error("提示语库文件损坏。");
      return (await import("./phrases/fakeSource")).loadedFake();
    });
    const { user } = await setup({ source, cursor: 13 });
    expect(await screen.findByText(/提示语库没有载入：提示语库文件损坏。/)).toBeInTheDocument();
    expect(items()).toHaveLength(0);
    fail = false;
    await user.click(screen.getByRole("button", { name: "重新载入" }));
    await waitFor(() => expect(texts()).toContain(byId("p1-0002")));
    expect(screen.queryByText(/提示语库没有载入/)).not.toBeInTheDocument();
    expect(source.loads).toBe(2);
  });
});

describe("suggestions follow the cursor", () => {
  test("the heading above the cursor decides the suggestions", async () => {
    const { host } = await setup({ cursor: 13 });
    expect(await screen.findByText("（一）精简会议文件。")).toBeInTheDocument();
    await waitFor(() => expect(texts()[0]).toBeDefined());
    // 会议, 文件 → 作风 phrases only.
    expect(new Set(texts())).toEqual(new Set([byId("p1-0002"), byId("p1-0003"), byId("p1-0011")]));

    act(() => host.placeCursor(17, 0));
    expect(await screen.findByText("（三）强化督查问责。")).toBeInTheDocument();
    await waitFor(() => expect(texts()).toContain(byId("p1-0010")));
    expect(texts()).not.toContain(byId("p1-0011"));
    expect(new Set(texts())).toEqual(new Set([byId("p1-0003"), byId("p1-0004"), byId("p1-0005"), byId("p1-0010")]));

    act(() => host.placeCursor(3, 0));
    expect(await screen.findByText(/讲话的开头部分/)).toBeInTheDocument();
    await waitFor(() => expect(new Set(texts())).toEqual(new Set([byId("p1-0001"), byId("p1-0006")])));
  });

  test("the part of the speech reaches the ranking: opening, section, closing", async () => {
    const queries: PhraseQuery[] = [];
    const source = fakeSource(async () => {
      const loaded = loadedFake();
      return { ...loaded, withExtra: undefined, suggest: (q, limit) => (queries.push(q), loaded.suggest(q, limit)) };
    });
    const { host } = await setup({ source, cursor: 3 });
    await screen.findByText(/讲话的开头部分/);
    await waitFor(() => expect(queries.at(-1)?.context?.part).toBe("opening"));
    expect(queries.at(-1)?.heading).toBe("");

    act(() => host.placeCursor(17, 0));
    await screen.findByText("（三）强化督查问责。");
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ heading: "（三）强化督查问责。", level: 2, context: { part: "section" } }));

    // 「同志们，作风建设永远在路上……」 after the last section: the closing remarks get closing phrases.
    const closing = host.model.paragraphs.findIndex((p) => p.text.startsWith("同志们，作风建设永远在路上"));
    act(() => host.placeCursor(closing, 0));
    expect(await screen.findByText(/光标在讲话的结尾部分/)).toBeInTheDocument();
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ heading: "", context: { part: "closing" } }));
    expect(texts()).toContain(byId("p1-0006"));
  });

  test("a click inserts the phrase as plain text at the cursor", async () => {
    const host = new MemoryHost(sampleDraft());
    const insertText = jest.spyOn(host, "insertPhrase");
    const { user } = await setup({ host, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const target = itemFor(byId("p1-0004"));
    await user.click(within(target).getAllByRole("button")[0]);
    await screen.findByText("已插入到光标处。");
    expect(insertText).toHaveBeenCalledWith("要把任务分解到岗、责任落实到人。", PANE_BODY);
    expect(host.model.paragraphs[17].text.startsWith("要把任务分解到岗、责任落实到人。由XX牵头")).toBe(true);
  });

  test("a click with the caret inside a heading never splits it: the phrase gets a new paragraph after it, in the pane's body format", async () => {
    // The host's own house style sets body text in 楷体; the pane's 文稿类型 (讲话稿) in 仿宋.
    const own = speechProfile().format;
    const host = new MemoryHost(sampleDraft(), { profile: { format: { ...own, roles: { body: { fonts: ["楷体"], sizePt: 15 } } } } });
    const { user } = await setup({ host, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const headingIndex = host.model.paragraphs.findIndex((p) => p.text === "（三）强化督查问责。");
    act(() => host.placeCursor(headingIndex, 4));
    const count = host.model.paragraphs.length;
    const target = await waitFor(() => itemFor(byId("p1-0004")));
    await user.click(within(target).getAllByRole("button")[0]);
    await screen.findByText("已另起一段插入到所在段落之后，原有文字未改动。");
    expect(host.model.paragraphs[headingIndex].text).toBe("（三）强化督查问责。");
    expect(host.model.paragraphs).toHaveLength(count + 1);
    const made = host.model.paragraphs[headingIndex + 1];
    expect(made.text).toBe("要把任务分解到岗、责任落实到人。");
    expect(made.runs.map((r) => [r.fontEastAsia, r.sizePt])).toEqual([[PANE_BODY.fontEastAsia, PANE_BODY.sizePt]]);
    expect(PANE_BODY.fontEastAsia).not.toBe("楷体");
  });

  test("an insertion that fails shows a Chinese message", async () => {
    const host = new MemoryHost(sampleDraft());
    host.insertPhrase = () => Promise.reject(new Error("文档处于只读状态，无法插入。"));
    const { user } = await setup({ host, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    await user.click(within(itemFor(byId("p1-0004"))).getAllByRole("button")[0]);
    expect(await screen.findByText("文档处于只读状态，无法插入。")).toBeInTheDocument();
  });
});

describe("filters and search", () => {
  test("by kind: the suggestions first, then the rest of the library of that kind", async () => {
    const { user } = await setup({ cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "正文");
    await waitFor(() => expect(texts()).toHaveLength(LIBRARY.filter((e) => e.kind === "正文").length));
    // 落实 phrases (the suggestions) come before the other 正文.
    expect(texts().slice(0, 2).sort()).toEqual([byId("p1-0003"), byId("p1-0004")].sort());
    expect(items().every((li) => li.textContent!.includes("正文"))).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "结尾");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0006")]));
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "全部");
    await waitFor(() => expect(texts()).toHaveLength(4));
  });

  test("by theme, combined with kind", async () => {
    const { user } = await setup({ cursor: 13 });
    await screen.findByText("（一）精简会议文件。");
    const theme = screen.getByRole("combobox", { name: "主题" });
    expect(within(theme).getAllByRole("option")).toHaveLength(19); // 全部 + 18 themes
    await user.selectOptions(theme, "廉洁");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0008")]));
    await user.selectOptions(theme, "落实");
    await waitFor(() => expect(texts()).toHaveLength(4));
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "标题");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0010")]));
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "排比");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0005")]));
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "过渡");
    expect(await screen.findByText(/没有符合条件的提示语/)).toBeInTheDocument();
  });

  test("search looks through the whole library, whatever the heading", async () => {
    const { user } = await setup({ cursor: 13 });
    await screen.findByText("（一）精简会议文件。");
    const box = screen.getByRole("searchbox", { name: "搜索提示语" });
    await user.type(box, "身边人");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0008")]));
    await user.clear(box);
    await user.type(box, "督查");
    // The literal hit first, then what the engine relates to 督查 (落实).
    await waitFor(() => expect(texts()[0]).toBe(byId("p1-0010")));
    expect(new Set(texts())).toEqual(new Set([byId("p1-0003"), byId("p1-0004"), byId("p1-0005"), byId("p1-0010")]));
    await user.clear(box);
    await user.type(box, "没有这样的话");
    // Nothing in the library has anything in common with it: it says so, and lists nothing unrelated.
    expect(await screen.findByText("没有找到与“没有这样的话”相关的提示语。可以换个说法再搜。")).toBeInTheDocument();
    expect(items()).toHaveLength(0);
  });

  test("a search lists only phrases that share words with it, or the themes of those that do", async () => {
    const { user } = await setup({ cursor: 13 });
    await screen.findByText("（一）精简会议文件。");
    const box = screen.getByRole("searchbox", { name: "搜索提示语" });
    // 问题 shares words with one phrase only (a 问题 one); the fake engine adds nothing else related.
    await user.type(box, "存在问题");
    await waitFor(() => expect(texts()).toEqual([byId("p1-0009")]));
    // A search that matches only through a filter says the filter is the reason.
    await user.selectOptions(screen.getByRole("combobox", { name: "类型" }), "标题");
    expect(await screen.findByText(/没有符合条件的提示语/)).toBeInTheDocument();
  });

  test("by domain (领域): that domain's phrases and those naming none; remembered in a new session", async () => {
    const store = memoryStore();
    const first = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const domain = screen.getByRole("combobox", { name: "领域" });
    expect(within(domain).getAllByRole("option")).toHaveLength(17); // 全部 + 16 domains
    await waitFor(() => expect(texts()).toContain(byId("p1-0005")));
    await first.user.selectOptions(domain, "教育");
    // p1-0005 is 通用/办公室 only; p1-0004 is 教育; the rest name no domain.
    await waitFor(() => expect(texts()).not.toContain(byId("p1-0005")));
    expect(texts()).toContain(byId("p1-0004"));
    expect(texts()).toContain(byId("p1-0003"));
    expect(store.get(DOMAIN_KEY)).toBe("教育");
    first.view.unmount();

    const second = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    expect(screen.getByRole("combobox", { name: "领域" })).toHaveValue("教育");
    await waitFor(() => expect(texts()).toContain(byId("p1-0004")));
    expect(texts()).not.toContain(byId("p1-0005"));
    await second.user.selectOptions(screen.getByRole("combobox", { name: "领域" }), "全部");
    await waitFor(() => expect(texts()).toContain(byId("p1-0005")));
    expect(store.get(DOMAIN_KEY)).toBeUndefined();
  });

  test("a remembered domain that no longer exists counts as 全部", async () => {
    await setup({ store: memoryStore({ [DOMAIN_KEY]: "不存在的领域" }), cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    expect(screen.getByRole("combobox", { name: "领域" })).toHaveValue("");
  });

  test("without the engine, search is a plain substring filter over what is loaded (我的提示语)", async () => {
    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE) });
    const source = fakeSource(() => Promise.reject(new Error("载入失败。")));
    const { user } = await setup({ source, store, cursor: 13 });
    await screen.findByText(/提示语库没有载入/);
    await user.type(screen.getByRole("searchbox", { name: "搜索提示语" }), "群众满意");
    await waitFor(() => expect(texts()).toEqual([MINE[0].text]));
  });
});

describe("favourites", () => {
  test("★ toggles, is kept in the store and restored in a new session", async () => {
    const store = memoryStore();
    const first = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const li = itemFor(byId("p1-0005"));
    const star = within(li).getByRole("button", { name: "收藏" });
    expect(star).toHaveAttribute("aria-pressed", "false");
    await first.user.click(star);
    expect(within(li).getByRole("button", { name: "取消收藏" })).toHaveAttribute("aria-pressed", "true");
    expect(JSON.parse(store.get(FAVOURITES_KEY)!)).toEqual(["p1-0005"]);

    await first.user.click(screen.getByRole("checkbox", { name: "只看收藏" }));
    await waitFor(() => expect(texts()).toEqual([byId("p1-0005")]));
    first.view.unmount();

    const second = await setup({ store, cursor: 13 });
    await screen.findByText("（一）精简会议文件。");
    await second.user.click(screen.getByRole("checkbox", { name: "只看收藏" }));
    await waitFor(() => expect(texts()).toEqual([byId("p1-0005")]));
    await second.user.click(within(itemFor(byId("p1-0005"))).getByRole("button", { name: "取消收藏" }));
    expect(await screen.findByText(/还没有收藏/)).toBeInTheDocument();
    expect(store.get(FAVOURITES_KEY)).toBeUndefined();
  });
});

describe("我的提示语", () => {
  test("add, edit and delete (with confirmation); kept in the store", async () => {
    const store = memoryStore();
    const { user } = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    // The library and the suggestions for the cursor's heading have arrived: the pane is settled.
    await waitFor(() => expect(texts().length).toBeGreaterThan(0));

    await user.click(screen.getByRole("button", { name: "添加提示语" }));
    let dialog = await openedDialog("添加提示语");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(within(dialog).getByText("请填写提示语文字。")).toBeInTheDocument();
    await user.type(within(dialog).getByRole("textbox", { name: /提示语文字/ }), "督查要一竿子插到底。");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(within(dialog).getByText("请至少选择一个主题。")).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "类型" }), "正文");
    await user.click(within(dialog).getByRole("checkbox", { name: "落实" }));
    await user.click(within(dialog).getByRole("checkbox", { name: "作风" }));
    await user.click(within(dialog).getByRole("checkbox", { name: "协调" }));
    // Three themes at most: the rest are disabled.
    expect(within(dialog).getByRole("checkbox", { name: "廉洁" })).toBeDisabled();
    await user.click(within(dialog).getByRole("checkbox", { name: "协调" }));
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    await dialogClosed();
    expect(screen.getByText("已添加到我的提示语。")).toBeInTheDocument();
    // The page behind the modal dialog is reachable again.
    expect(await screen.findByRole("heading", { name: "我的提示语（1 条）" })).toBeInTheDocument();
    const saved = JSON.parse(store.get(USER_PHRASES_KEY)!);
    expect(saved).toEqual([expect.objectContaining({ text: "督查要一竿子插到底。", kind: "正文", themes: ["作风", "落实"] })]);
    expect(saved[0].id).toMatch(/^u-/);

    // It takes part in the suggestions for 督查问责 (落实).
    expect(texts()).toContain("督查要一竿子插到底。");
    expect(itemFor("督查要一竿子插到底。")).toHaveTextContent("我的");

    // Edit: becomes a level-1 heading.
    await user.click(within(itemFor("督查要一竿子插到底。")).getByRole("button", { name: "编辑" }));
    dialog = await openedDialog("修改提示语");
    const text = within(dialog).getByRole("textbox", { name: /提示语文字/ });
    expect(text).toHaveValue("督查要一竿子插到底。");
    await user.clear(text);
    await user.type(text, "督查问责要一竿子插到底");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "类型" }), "标题");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "标题级别" }), "2");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    await dialogClosed();
    expect(texts()).toContain("督查问责要一竿子插到底");
    expect(texts()).not.toContain("督查要一竿子插到底。");
    expect(JSON.parse(store.get(USER_PHRASES_KEY)!)).toEqual([
      { id: saved[0].id, text: "督查问责要一竿子插到底", kind: "标题", themes: ["作风", "落实"], level: 2 },
    ]);

    // Delete: 取消 keeps it, 删除 removes it.
    let confirm = await openDeleteConfirm(user, "督查问责要一竿子插到底");
    await user.click(within(confirm).getByRole("button", { name: "取消" }));
    await dialogClosed();
    expect(texts()).toContain("督查问责要一竿子插到底");
    confirm = await openDeleteConfirm(user, "督查问责要一竿子插到底");
    await user.click(within(confirm).getByRole("button", { name: "删除" }));
    await dialogClosed();
    expect(texts()).not.toContain("督查问责要一竿子插到底");
    expect(store.get(USER_PHRASES_KEY)).toBeUndefined();
    expect(screen.getByRole("heading", { name: "我的提示语（0 条）" })).toBeInTheDocument();
  });

  test("只看我的提示语 lists only the user's phrases; library phrases have no 编辑/删除", async () => {
    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE) });
    const { user } = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    expect(within(itemFor(byId("p1-0004"))).queryByRole("button", { name: "编辑" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "只看我的提示语" }));
    // The one about 落实 first (it matches the heading), then the other.
    await waitFor(() => expect(texts()).toEqual([MINE[1].text, MINE[0].text]));
  });

  test("export downloads a .json file with the phrases as {text, kind, themes, level?}", async () => {
    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE) });
    const blobs: Blob[] = [];
    const create = jest.fn((b: Blob) => {
      blobs.push(b);
      return "blob:biganzi/1";
    });
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      const { user } = await setup({ store, cursor: 17 });
      await screen.findByText("（三）强化督查问责。");
      await user.click(screen.getByRole("button", { name: "导出" }));
      expect(clicked).toHaveLength(1);
      expect(clicked[0].download).toBe(EXPORT_FILE_NAME);
      expect(clicked[0].getAttribute("href")).toBe("blob:biganzi/1");
      expect(blobs).toHaveLength(1);
      const text = await readBlob(blobs[0]);
      expect(JSON.parse(text)).toEqual([
        { text: MINE[0].text, kind: "正文", themes: ["服务"] },
        { text: MINE[1].text, kind: "标题", themes: ["落实"], level: 2 },
      ]);
      expect(screen.getByText(/已导出 2 条提示语/)).toBeInTheDocument();
      await waitFor(() => expect(revoke).toHaveBeenCalledWith("blob:biganzi/1"), { timeout: 2000 });
    } finally {
      click.mockRestore();
    }
  });

  test("export is disabled when there is nothing to export", async () => {
    await setup({ cursor: 17 });
    expect(screen.getByRole("button", { name: "导出" })).toBeDisabled();
  });
});

function readBlob(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}

describe("import", () => {
  const good = (over: Record<string, unknown> = {}) => ({ text: "要把制度的笼子扎得更紧。", kind: "正文", themes: ["廉洁"], ...over });

  test.each([
    ["too big", () => jsonFile("[" + " ".repeat(1024 * 1024) + "]"), /^导入失败：文件过大（1025 KB），不能超过 1 MB/],
    ["not JSON", () => jsonFile("[{text: 要把}]"), /^导入失败：文件不是有效的 JSON 格式/],
    ["not an array", () => jsonFile(JSON.stringify({ text: "要把" })), /^导入失败：文件内容应是提示语列表/],
    ["empty", () => jsonFile("[]"), /^导入失败：文件里没有提示语/],
    ["bad kind", () => jsonFile(JSON.stringify([good(), good({ text: "另一条" }), good({ kind: "套话" })])), /^导入失败：第 3 条的“kind”不是可用的类型。可用的类型：开头、过渡、标题、正文、排比、结尾。$/],
    ["bad theme", () => jsonFile(JSON.stringify([good({ themes: ["廉洁", "反腐"] })])), /^导入失败：第 1 条的“themes”中“反腐”不是可用的主题。可用的主题：开场、/],
    ["no themes", () => jsonFile(JSON.stringify([good({ themes: [] })])), /^导入失败：第 1 条的“themes”应列出 1～3 个主题。$/],
    ["four themes", () => jsonFile(JSON.stringify([good({ themes: ["廉洁", "作风", "落实", "学习"] })])), /^导入失败：第 1 条的“themes”应列出 1～3 个主题。$/],
    ["empty text", () => jsonFile(JSON.stringify([good(), good({ text: "  " })])), /^导入失败：第 2 条的“text”应为 1～200 个字（现在 0 个字）。$/],
    ["long text", () => jsonFile(JSON.stringify([good({ text: "长".repeat(201) })])), /^导入失败：第 1 条的“text”应为 1～200 个字（现在 201 个字）。$/],
    ["missing text", () => jsonFile(JSON.stringify([{ kind: "正文", themes: ["廉洁"] }])), /^导入失败：第 1 条缺少“text”/],
    ["bad level", () => jsonFile(JSON.stringify([good({ kind: "标题", level: 5 })])), /^导入失败：第 1 条的“level”应为 1、2 或 3。$/],
    ["not an object", () => jsonFile(JSON.stringify([good(), "要把"])), /^导入失败：第 2 条不是一条提示语/],
    ["too many", () => jsonFile(JSON.stringify(Array.from({ length: 2001 }, (_v, i) => good({ text: `第${i}条` })))), /^导入失败：一次最多导入 2000 条，这个文件有 2001 条。$/],
  ])("refuses a file that is %s, with a clear message, and changes nothing", async (_name, file, message) => {
    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE) });
    const before = store.get(USER_PHRASES_KEY);
    const { user } = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    await importFile(user, file());
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(store.get(USER_PHRASES_KEY)).toBe(before);
    expect(screen.getByRole("heading", { name: "我的提示语（2 条）" })).toBeInTheDocument();
  });

  test("imports valid phrases, skips ones already there, and they join the list", async () => {
    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE) });
    const { user } = await setup({ store, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const content = [
      good(),
      { text: "抓落实要拿出钉钉子精神", kind: "标题", themes: ["落实", "作风"], level: 1, id: "ignored" },
      { text: MINE[0].text, kind: "正文", themes: ["服务"] },
      { text: "一抓到底，久久为功。", kind: "排比", themes: ["落实"], level: 2 },
    ];
    await importFile(user, jsonFile("\uFEFF" + JSON.stringify(content)));
    expect(await screen.findByText("已导入 3 条提示语，跳过 1 条已有的。")).toBeInTheDocument();
    const saved = JSON.parse(store.get(USER_PHRASES_KEY)!) as Array<Record<string, unknown>>;
    expect(saved).toHaveLength(5);
    expect(saved.slice(2).map(({ id: _id, ...rest }) => rest)).toEqual([
      { text: "要把制度的笼子扎得更紧。", kind: "正文", themes: ["廉洁"] },
      { text: "抓落实要拿出钉钉子精神", kind: "标题", themes: ["作风", "落实"], level: 1 },
      { text: "一抓到底，久久为功。", kind: "排比", themes: ["落实"] }, // level only for 标题
    ]);
    expect(new Set(saved.map((s) => s.id)).size).toBe(5);
    expect(screen.getByRole("heading", { name: "我的提示语（5 条）" })).toBeInTheDocument();
    // 落实 ones are suggested under 督查问责.
    expect(texts()).toEqual(expect.arrayContaining(["抓落实要拿出钉钉子精神", "一抓到底，久久为功。"]));
    await user.click(screen.getByRole("checkbox", { name: "只看我的提示语" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "主题" }), "廉洁");
    await waitFor(() => expect(texts()).toEqual(["要把制度的笼子扎得更紧。"]));
  });

  test("damaged stored data is skipped, not fatal", async () => {
    const store = memoryStore({
      [USER_PHRASES_KEY]: JSON.stringify([MINE[0], { id: "u-x", text: "", kind: "正文", themes: ["服务"] }, { id: "p1-0001", text: "冒名", kind: "正文", themes: ["服务"] }, 7]),
      [FAVOURITES_KEY]: "{不是 JSON",
    });
    await setup({ store, cursor: 17 });
    expect(screen.getByRole("heading", { name: "我的提示语（1 条）" })).toBeInTheDocument();
  });
});

describe("accessibility (axe)", () => {
  test("loading, loaded, with user phrases, error, and with the form open", async () => {
    const source = deferredSource();
    const first = await setup({ source, cursor: 13 });
    expect(screen.getByText("正在载入提示语库……")).toBeInTheDocument();
    expect(await axe(first.view.container)).toHaveNoViolations();
    await act(async () => source.resolve());
    await waitFor(() => expect(items().length).toBeGreaterThan(0));
    expect(await axe(first.view.container)).toHaveNoViolations();
    await first.user.click(screen.getByRole("button", { name: "添加提示语" }));
    await screen.findByRole("dialog", { name: "添加提示语" });
    expect(await axe(document.body)).toHaveNoViolations();
    first.view.unmount();

    const store = memoryStore({ [USER_PHRASES_KEY]: JSON.stringify(MINE), [FAVOURITES_KEY]: JSON.stringify(["u-a2"]) });
    const withMine = await setup({ store, cursor: 17 });
    await waitFor(() => expect(texts()).toContain(MINE[1].text));
    expect(await axe(withMine.view.container)).toHaveNoViolations();
    await importFile(withMine.user, jsonFile("oops"));
    await screen.findByText(/导入失败/);
    expect(await axe(withMine.view.container)).toHaveNoViolations();
    withMine.view.unmount();

    const failing = await setup({ source: fakeSource(() => Promise.reject(new Error("载入失败。"))), cursor: 3 });
    await screen.findByText(/提示语库没有载入/);
    expect(await axe(failing.view.container)).toHaveNoViolations();
  }, 60_000);

  test("keyboard: a phrase is inserted with Enter, the star toggles with Space", async () => {
    const host = new MemoryHost(sampleDraft());
    const insertText = jest.spyOn(host, "insertPhrase");
    const { user } = await setup({ host, cursor: 17 });
    await screen.findByText("（三）强化督查问责。");
    const li = itemFor(byId("p1-0004"));
    act(() => within(li).getAllByRole("button")[0].focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(insertText).toHaveBeenCalledWith(byId("p1-0004"), PANE_BODY));
    act(() => within(li).getByRole("button", { name: "收藏" }).focus());
    await user.keyboard(" ");
    expect(within(li).getByRole("button", { name: "取消收藏" })).toHaveAttribute("aria-pressed", "true");
  });
});


