import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { DocumentHost } from "../../src/core/host";
import { docFromText } from "../../src/core/model";
import { MemoryHost, memoryDocument, type MemoryDocument } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App, tabFromSearch } from "../../src/taskpane/App";
import { GENERIC_ERROR } from "../../src/taskpane/errors";
import { TEST_RULES } from "./testRules";

/** Renders the pane and lets its start-up reads (state, cursor) settle. */
async function setup(opts: { doc?: MemoryDocument; host?: DocumentHost; tab?: "outline" | "phrases" | "check" } = {}) {
  const doc = opts.doc ?? memoryDocument(sampleDraft());
  const host = (opts.host as MemoryHost | undefined) ?? new MemoryHost(doc);
  const user = userEvent.setup();
  const view = await act(async () => render(<App host={host} initialTab={opts.tab ?? "check"} rules={TEST_RULES} />));
  return { doc, host, user, view };
}

async function runCheck(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "开始检查" }));
  return screen.findByRole("list", { name: "检查结果" });
}

const itemWith = (list: HTMLElement, text: string) => {
  const hit = within(list)
    .getAllByRole("listitem")
    .find((li) => li.textContent?.includes(text));
  if (!hit) throw new Error(`no finding with ${text}`);
  return hit;
};

describe("taskpane shell", () => {
  test("three tabs named 大纲, 提示语, 检查; the initial tab comes from ?tab=", async () => {
    expect(tabFromSearch("?tab=outline")).toBe("outline");
    expect(tabFromSearch("?tab=phrases")).toBe("phrases");
    expect(tabFromSearch("?tab=nonsense")).toBeUndefined();
    window.history.pushState({}, "", "/taskpane.html?tab=phrases");
    await act(async () => render(<App host={new MemoryHost(sampleDraft())} rules={TEST_RULES} />));
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toHaveLength(3);
    expect(tabs[0]).toBe(screen.getByRole("tab", { name: "大纲" }));
    expect(tabs[1]).toBe(screen.getByRole("tab", { name: "提示语" }));
    expect(tabs[2]).toBe(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByRole("tab", { name: "提示语" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("提示语");
    window.history.pushState({}, "", "/");
  });

  test("tabs are operated from the keyboard (Enter / Space)", async () => {
    // Arrow-key roving and Tab order are Fluent's (tabster), which needs real layout; jsdom has none.
    const { user } = await setup({ tab: "check" });
    act(() => screen.getByRole("tab", { name: "提示语" }).focus());
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "提示语" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("提示语");
    act(() => screen.getByRole("tab", { name: "大纲" }).focus());
    await user.keyboard(" ");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("大纲");
    // The selected tab is the one Tab lands on (roving tab index).
    expect(screen.getByRole("tab", { name: "大纲" })).toHaveAttribute("data-tabster", expect.stringContaining('"isDefault":true'));
  });

  test("without a document the pane says so in Chinese", () => {
    render(<App />);
    expect(screen.getByText(/未能连接到文档/)).toBeInTheDocument();
  });
});

describe("检查 tab", () => {
  test("lists the findings with counts, grouped by category then rule", async () => {
    const { user } = await setup();
    const list = await runCheck(user);
    const items = within(list).getAllByRole("listitem");
    // 处臵, 20xx ×2, XX (errors), the half-width comma (warning).
    expect(items).toHaveLength(5);
    expect(screen.getByText("共 5 处：错误 4 处，警告 1 处")).toBeInTheDocument();
    // Grouped by category (catalogue order), then rule.
    expect(within(list).getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["全角半角（1 处）", "未填内容（3 处）", "错别字（1 处）"]);
    expect(within(list).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "中文中的半角标点（1 处）",
      "未替换的占位符（3 处）",
      "错别字（1 处）",
    ]);
    const typo = itemWith(list, "处臵");
    expect(typo).toHaveTextContent("“处臵”应为“处置”");
    expect(typo).toHaveTextContent("错别字");
  });

  test("clicking a finding selects it in the document", async () => {
    const { user, host } = await setup();
    const list = await runCheck(user);
    await user.click(within(itemWith(list, "处臵")).getByRole("button", { name: /处臵/ }));
    const at = sampleDraft().paragraphs[9].text.indexOf("处臵");
    expect(host.currentSelection).toEqual({ paragraph: 9, start: at, end: at + 2 });
  });

  test("修复 fixes one place and the list is refreshed", async () => {
    const { user, host } = await setup();
    const list = await runCheck(user);
    await user.click(within(itemWith(list, "处臵")).getByRole("button", { name: "修复" }));
    await screen.findByText("已修复 1 处。");
    expect(host.model.paragraphs[9].text).toContain("处置不及时");
    const fresh = screen.getByRole("list", { name: "检查结果" });
    expect(within(fresh).getAllByRole("listitem")).toHaveLength(4);
    expect(fresh).not.toHaveTextContent("处臵");
  });

  test("全部修复 applies every fix; a paragraph changed since the check is left alone and reported", async () => {
    const { user, host } = await setup();
    await runCheck(user);
    // The clerk edits the paragraph with the comma after the check.
    host.placeCursor(13, 0);
    await act(() => host.insertText("另外，"));
    await user.click(screen.getByRole("button", { name: "全部修复（2 处）" }));
    expect(await screen.findByText("已修复 1 处。有 1 处所在段落已修改，未修复。请重新检查。")).toBeInTheDocument();
    expect(host.model.paragraphs[9].text).toContain("处置");
    expect(host.model.paragraphs[13].text).toContain("规模,能合并");
    await user.click(screen.getByRole("button", { name: "重新检查" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(4));
    await user.click(screen.getByRole("button", { name: "全部修复（1 处）" }));
    await screen.findByText("已修复 1 处。");
    expect(host.model.paragraphs[13].text).toContain("规模，能合并");
  });

  test("忽略此规则 hides the rule's findings, also after a new check and after reopening", async () => {
    const { user, doc, view } = await setup();
    const list = await runCheck(user);
    await user.click(within(itemWith(list, "XX")).getByRole("button", { name: "忽略此规则" }));
    await user.click(await screen.findByRole("menuitem", { name: "忽略整条规则“未替换的占位符”" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(list).not.toHaveTextContent("占位符");
    expect(doc.state?.ignoredRules).toEqual(["test-placeholder"]);
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem")).toHaveLength(2));
    view.unmount();

    // Reopen: a new pane on the same document.
    const again = await setup({ doc });
    const list2 = await runCheck(again.user);
    expect(within(list2).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByText("（已忽略 3 处）")).toBeInTheDocument();
    await again.user.click(screen.getByRole("button", { name: "恢复已忽略的内容" }));
    expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem")).toHaveLength(5);
  });

  test("忽略此规则 can switch off one check of a rule: the other checks' findings stay", async () => {
    const { user, doc } = await setup();
    const list = await runCheck(user);
    const before = within(list).getAllByRole("listitem").length;
    await user.click(within(itemWith(list, "“XX”是未替换的占位符")).getByRole("button", { name: "忽略此规则" }));
    await user.click(await screen.findByRole("menuitem", { name: "只忽略“名称占位符”" }));
    expect(doc.state?.ignoredRules).toEqual(["test-placeholder/name"]);
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(before - 1));
    expect(list).not.toHaveTextContent("「XX」");
    expect(list).toHaveTextContent("20xx");
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem")).toHaveLength(before - 1));
  });

  test("忽略此处 hides one place only, and it stays hidden after a new check", async () => {
    const { user, doc } = await setup();
    const list = await runCheck(user);
    await user.click(within(itemWith(list, "“XX”是未替换的占位符")).getByRole("button", { name: "忽略此处" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    expect(doc.state?.ignoredFindings).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    const fresh = await screen.findByRole("list", { name: "检查结果" });
    await waitFor(() => expect(within(fresh).getAllByRole("listitem")).toHaveLength(4));
    expect(fresh).toHaveTextContent("20xx");
    expect(fresh).not.toHaveTextContent("「XX」");
  });

  test("写入批注 adds the findings as comments; hidden when the host has no comments", async () => {
    const { user, host, view } = await setup();
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "写入批注" }));
    await screen.findByText("已将 5 处写入批注。");
    expect(host.comments).toHaveLength(5);
    view.unmount();

    const noComments = await setup({ host: new MemoryHost(sampleDraft(), { capabilities: { comments: false } }) });
    await runCheck(noComments.user);
    expect(screen.queryByRole("button", { name: "写入批注" })).not.toBeInTheDocument();
  });

  test("errors show a Chinese message and 重试 tries again", async () => {
    const host = new MemoryHost(sampleDraft());
    const real = host.readDocument.bind(host);
    let failures = 2;
    host.readDocument = () => {
      if (failures-- === 2) return Promise.reject(new Error("GeneralException: the operation failed"));
      if (failures === 0) return Promise.reject(new Error("文档正忙，请稍后再试。"));
      return real();
    };
    const { user } = await setup({ host });
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText(GENERIC_ERROR)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByText("文档正忙，请稍后再试。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "重试" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(5);
    expect(screen.queryByRole("button", { name: "重试" })).not.toBeInTheDocument();
  });

  test("the built-in rules run by default and report on the sample", async () => {
    const user = userEvent.setup();
    render(<App host={new MemoryHost(sampleDraft())} initialTab="check" />);
    const list = await runCheck(user);
    expect(within(list).getAllByRole("listitem").length).toBeGreaterThan(0);
  });
});

describe("大纲 tab", () => {
  test("插入提纲 inserts a whole skeleton after the cursor paragraph", async () => {
    const { user, host } = await setup({ doc: memoryDocument(docFromText("前言\n后记")), tab: "outline" });
    host.placeCursor(0, 0);
    await user.selectOptions(screen.getByRole("combobox", { name: "讲几点（一级标题数）" }), "4");
    await user.selectOptions(screen.getByRole("combobox", { name: "每点下的小标题数" }), "1");
    expect(within(screen.getByRole("list", { name: "提纲预览" })).getAllByRole("listitem")).toHaveLength(4 + 4 * 3 + 1);
    await user.click(screen.getByRole("button", { name: "插入提纲" }));
    await screen.findByText(/已在光标所在段落之后插入提纲，共 17 段/);
    const t = host.model.paragraphs.map((p) => p.text);
    expect(t).toHaveLength(19);
    expect(t[0]).toBe("前言");
    expect(t[1]).toBe("在〔会议名称〕上的讲话");
    expect(t).toContain("下面，我讲四点意见。");
    expect(t.filter((x) => /^[一二三四五六]、/.test(x))).toHaveLength(4);
    expect(t[18]).toBe("后记");
  });
});

describe("提示语 tab", () => {
  test("shows the heading under the cursor, follows the cursor, and inserts a suggestion", async () => {
    const host = new MemoryHost(sampleDraft());
    host.placeCursor(13, 0);
    const { user } = await setup({ host, tab: "phrases" });
    expect(await screen.findByText("（一）精简会议文件。")).toBeInTheDocument();

    act(() => host.placeCursor(17, 0));
    expect(await screen.findByText("（三）强化督查问责。")).toBeInTheDocument();

    act(() => host.placeCursor(3, 0));
    expect(await screen.findByText(/光标上方没有标题/)).toBeInTheDocument();

    act(() => host.placeCursor(10, 0, 0));
    await screen.findByText("(二)正视工作中存在的突出问题。");
    const list = screen.getByRole("list", { name: "提示语" });
    const first = within(list).getAllByRole("button")[0];
    const phrase = first.textContent!.replace(/^(标题|句子|结尾)/, "");
    await user.click(first);
    await screen.findByText("已插入到光标处。");
    expect(host.model.paragraphs[10].text.startsWith(phrase)).toBe(true);
  });

  test("a slow answer to an older cursor request does not overwrite a newer one", async () => {
    const host = new MemoryHost(sampleDraft());
    const real = host.readCursor.bind(host);
    let calls = 0;
    host.readCursor = async () => {
      const n = ++calls;
      const answer = await real();
      if (n === 2) await new Promise((r) => setTimeout(r, 400)); // the second request is slow
      return answer;
    };
    host.placeCursor(7, 0);
    await setup({ host, tab: "phrases" });
    expect(await screen.findByText("（一）作风建设关系群众切身感受。")).toBeInTheDocument();
    act(() => host.placeCursor(13, 0)); // request 2 (slow): 精简会议文件
    await new Promise((r) => setTimeout(r, 300));
    act(() => host.placeCursor(17, 0)); // request 3 (fast): 强化督查问责
    expect(await screen.findByText("（三）强化督查问责。")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.getByText("（三）强化督查问责。")).toBeInTheDocument();
    expect(screen.queryByText("（一）精简会议文件。")).not.toBeInTheDocument();
  });
});

describe("accessibility (axe)", () => {
  test.each(["outline", "phrases", "check"] as const)("%s tab has no violations", async (tab) => {
    const { user, view, host } = await setup({ tab });
    if (tab === "check") await runCheck(user);
    if (tab === "phrases") {
      act(() => host.placeCursor(13, 0));
      await screen.findByText("（一）精简会议文件。");
    }
    expect(await axe(view.container)).toHaveNoViolations();
  });
});
