import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { docFromText, type DocModel } from "../../src/core/model";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { GENERIC_ERROR } from "../../src/taskpane/errors";
import { formatDuration, PACE_KEY, parsePace } from "../../src/taskpane/outline/pace";
import { memoryStore } from "../../src/taskpane/phrases/store";

type Store = ReturnType<typeof memoryStore>;

async function setup(opts: { doc?: DocModel; host?: MemoryHost; store?: Store; cursor?: number } = {}) {
  const host = opts.host ?? new MemoryHost(opts.doc ?? sampleDraft());
  if (opts.cursor !== undefined) host.placeCursor(opts.cursor, 0);
  const store = opts.store ?? memoryStore();
  const user = userEvent.setup();
  const view = await act(async () => render(<App host={host} initialTab="outline" store={store} />));
  await screen.findByText(/全文共/).catch(() => undefined);
  return { host, store, user, view };
}

const tree = () => screen.getByRole("tree", { name: "文稿大纲" });
const items = () => within(tree()).getAllByRole("treeitem");
const item = (label: string) => {
  const hit = items().find((li) => li.textContent?.includes(label));
  if (!hit) throw new Error(`no tree item with ${label}`);
  return hit;
};
const texts = (h: MemoryHost) => h.model.paragraphs.map((p) => p.text);
/** Characters of paragraphs from…to-1 of the sample (it has no spaces). */
const charsOf = (doc: DocModel, from: number, to: number) => doc.paragraphs.slice(from, to).reduce((n, p) => n + p.text.length, 0);

describe("pace helpers", () => {
  test.each([
    ["220", 220],
    [" 180 ", 180],
    ["２５０", 250],
    ["59", undefined],
    ["601", undefined],
    ["2.5", undefined],
    ["", undefined],
  ])("parsePace(%j) = %s", (raw, want) => expect(parsePace(raw)).toBe(want));

  test.each([
    [0, "0秒"],
    [45, "45秒"],
    [60, "1分钟"],
    [85, "1分25秒"],
    [3600, "60分钟"],
  ])("formatDuration(%d) = %s", (s, want) => expect(formatDuration(s)).toBe(want));
});

describe("MemoryHost multi-paragraph selection", () => {
  test("selectParagraphs reports the last paragraph as selectionEnd; a caret has none", async () => {
    const h = new MemoryHost(sampleDraft());
    h.selectParagraphs(13, 11);
    expect(await h.readCursor()).toMatchObject({ paragraph: 11, selectionEnd: 13 });
    h.placeCursor(12, 0);
    expect((await h.readCursor())?.selectionEnd).toBeUndefined();
    h.selectParagraphs(4, 4);
    expect((await h.readCursor())?.selectionEnd).toBeUndefined();
    expect(h.currentSelection).toEqual({ paragraph: 4, start: 0, end: sampleDraft().paragraphs[4].text.length });
  });
});

describe("大纲 tab: the draft's outline", () => {
  test("shows every heading with its characters and speaking time, and the total", async () => {
    await setup();
    const doc = sampleDraft();
    expect(items().map((i) => i.getAttribute("aria-level"))).toEqual(["1", "2", "2", "1", "2", "2", "2"]);
    // 一、 runs from paragraph 5 to the paragraph before 二、 (11).
    const first = charsOf(doc, 5, 11);
    expect(item("一、提高思想认识")).toHaveTextContent(`${first} 字 · 约${formatDuration(Math.round((first * 60) / 220))}`);
    // The last （三） runs to the end of the document.
    const last = charsOf(doc, 16, doc.paragraphs.length);
    expect(item("（三）强化督查问责")).toHaveTextContent(`${last} 字`);
    const total = charsOf(doc, 0, doc.paragraphs.length);
    expect(screen.getByText(`全文共 ${total} 字，按每分钟 220 字约需 ${formatDuration(Math.round((total * 60) / 220))}。`)).toBeInTheDocument();
  });

  test("marks the headings the numbering rules report on, and lists the other outline problems", async () => {
    await setup();
    const faulty = item("(二)正视");
    expect(within(faulty).getByText("有误")).toBeInTheDocument();
    expect(faulty).toHaveTextContent("半角");
    expect(within(item("（一）精简会议文件")).queryByText("有误")).not.toBeInTheDocument();
    // 「下面，我讲三点意见」 with two parts is not on a heading.
    const others = screen.getByRole("list", { name: "其他层次问题" });
    expect(others).toHaveTextContent("第 5 段");
  });

  test("changing the pace updates the times and is remembered", async () => {
    const store = memoryStore();
    const { user, view } = await setup({ store });
    const doc = sampleDraft();
    const total = charsOf(doc, 0, doc.paragraphs.length);
    const pace = screen.getByRole("textbox", { name: "语速（字/分钟）" });
    await user.clear(pace);
    await user.type(pace, "110");
    expect(screen.getByText(`全文共 ${total} 字，按每分钟 110 字约需 ${formatDuration(Math.round((total * 60) / 110))}。`)).toBeInTheDocument();
    const first = charsOf(doc, 5, 11);
    expect(item("一、提高思想认识")).toHaveTextContent(`约${formatDuration(Math.round((first * 60) / 110))}`);
    expect(store.get(PACE_KEY)).toBe("110");
    // An impossible pace is refused with a message; the last good one stays in use.
    await user.clear(pace);
    await user.type(pace, "5");
    expect(screen.getByText("请输入 60 到 600 之间的整数")).toBeInTheDocument();
    expect(screen.getByText(/按每分钟 110 字/)).toBeInTheDocument();
    view.unmount();
    // Reopened: the remembered pace.
    await setup({ store });
    expect(screen.getByRole("textbox", { name: "语速（字/分钟）" })).toHaveValue("110");
    expect(screen.getByText(/按每分钟 110 字/)).toBeInTheDocument();
  });

  test("clicking a heading selects it in the document", async () => {
    const { user, host } = await setup();
    await user.click(item("（一）精简会议文件"));
    await waitFor(() => expect(host.currentSelection).toEqual({ paragraph: 12, start: 0, end: "（一）精简会议文件。".length }));
    expect(item("（一）精简会议文件")).toHaveAttribute("aria-selected", "true");
  });

  test("is usable from the keyboard: arrows move, Enter selects, ← closes a part", async () => {
    const { user, host } = await setup();
    const first = item("一、提高思想认识");
    expect(first).toHaveAttribute("tabindex", "0");
    act(() => first.focus());
    await user.keyboard("{ArrowDown}");
    expect(item("（一）作风建设")).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.currentSelection?.paragraph).toBe(6));
    await user.keyboard("{End}");
    expect(item("（三）强化督查问责")).toHaveFocus();
    await user.keyboard("{Home}");
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{ArrowLeft}");
    expect(first).toHaveAttribute("aria-expanded", "false");
    expect(items()).toHaveLength(5);
    await user.keyboard("{ArrowRight}");
    expect(items()).toHaveLength(7);
    await user.keyboard("{ArrowRight}");
    expect(item("（一）作风建设")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(first).toHaveFocus();
    await user.keyboard(" ");
    await waitFor(() => expect(host.currentSelection?.paragraph).toBe(5));
  });

  test("刷新 re-reads the document", async () => {
    const { user, host } = await setup();
    host.placeCursor(22, 0);
    await act(() => host.insertParagraphs([{ role: "level1", text: "三、加强组织领导" }]));
    expect(items()).toHaveLength(7);
    await user.click(screen.getByRole("button", { name: "刷新" }));
    await waitFor(() => expect(items()).toHaveLength(8));
    expect(item("三、加强组织领导")).toBeInTheDocument();
  });

  test("a document without headings says so", async () => {
    await setup({ doc: docFromText("同志们：\n今天开会。") });
    expect(await screen.findByText(/还没有识别出标题/)).toBeInTheDocument();
  });

  test("a failed read is reported in Chinese with 重试", async () => {
    const host = new MemoryHost(sampleDraft());
    const real = host.readDocument.bind(host);
    let calls = 0;
    host.readDocument = async () => {
      if (++calls === 1) throw new Error("GeneralException");
      return real();
    };
    const { user } = await setup({ host });
    expect(await screen.findByText(GENERIC_ERROR)).toBeInTheDocument();
    expect(screen.queryByRole("tree")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByRole("tree", { name: "文稿大纲" })).toBeInTheDocument();
    expect(screen.queryByText(GENERIC_ERROR)).not.toBeInTheDocument();
  });
});

describe("大纲 tab: headings at the cursor", () => {
  test("插入下一标题 continues the numbering of the heading above the cursor", async () => {
    const { user, host } = await setup({ cursor: 13 });
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    // the sample's next sibling is a half-width (二): the group now repeats 二, and the pane says so
    await screen.findByText("已在光标所在段落之后插入“（二）〔标题〕”，请把〔标题〕换成实际标题。这一组序号因此不再连续（有重复或跳号）。");
    expect(texts(host)[14]).toBe("（二）〔标题〕");
    expect(host.model.paragraphs[14].outlineLevel).toBe(1); // styled as a level-2 heading
    // The tree is refreshed.
    await waitFor(() => expect(items()).toHaveLength(8));

    // After the last （三） of 二、 (moved down by one): （四）.
    host.placeCursor(23, 0);
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    await screen.findByText(/插入“（四）〔标题〕”/);
    expect(texts(host)[24]).toBe("（四）〔标题〕");
    // On the 二、 heading itself: 三、.
    host.placeCursor(11, 0);
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    await screen.findByText(/插入“三、〔标题〕”/);
    expect(texts(host)[12]).toBe("三、〔标题〕");
    expect(host.model.paragraphs[12].outlineLevel).toBe(0);
  });

  test("插入下一标题 before an existing next number says so and offers 重新编号 right there", async () => {
    const doc = docFromText(["同志们：", "一、加强学习", "要读原著。", "二、抓好落实", "要真抓实干。"].join("\n"));
    const { user, host } = await setup({ doc, cursor: 2 });
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    await screen.findByText(/插入“二、〔标题〕”.*序号因此不再连续/);
    expect(texts(host)[3]).toBe("二、〔标题〕");
    const buttons = screen.getAllByRole("button", { name: "重新编号" });
    // the one in the message, not the toolbar's
    await user.click(buttons[buttons.length - 1]);
    await screen.findByText(/已重新编号/);
    expect(texts(host).slice(1)).toEqual(["一、加强学习", "要读原著。", "二、〔标题〕", "三、抓好落实", "要真抓实干。"]);
  });

  test("插入下级标题 inserts the first heading one level down", async () => {
    const { user, host } = await setup({ cursor: 7 });
    await user.click(screen.getByRole("button", { name: "插入下级标题" }));
    await screen.findByText(/插入“1\.〔标题〕”/);
    expect(texts(host)[8]).toBe("1.〔标题〕");

    host.placeCursor(3, 0); // above every heading
    await user.click(screen.getByRole("button", { name: "插入下级标题" }));
    expect(await screen.findByText(/光标上方还没有标题/)).toBeInTheDocument();
    expect(texts(host)[4]).toBe("下面，我讲三点意见。");
  });

  test("without a cursor the clerk is told where to put it", async () => {
    const { user } = await setup();
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    expect(await screen.findByText("请先在文档中把光标放到要插入标题的位置。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "重试" })).toBeInTheDocument();
  });

  test("重新编号 fixes the broken group at the cursor and nothing else", async () => {
    const doc = docFromText(["同志们：", "一、加强学习", "（一）甲", "（三）乙", "（三）丙", "二、抓好落实", "（一）丁", "（三）戊"].join("\n"));
    const { user, host } = await setup({ doc, cursor: 3 });
    expect(within(item("（三）乙")).getByText("有误")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "重新编号" }));
    await screen.findByText("已重新编号，改了 1 个序号。");
    expect(texts(host)).toEqual(["同志们：", "一、加强学习", "（一）甲", "（二）乙", "（三）丙", "二、抓好落实", "（一）丁", "（三）戊"]);
    await waitFor(() => expect(within(item("（二）乙")).queryByText("有误")).not.toBeInTheDocument());

    await user.click(screen.getByRole("button", { name: "重新编号" }));
    expect(await screen.findByText("这一组序号已是连续的，无需重新编号。")).toBeInTheDocument();
  });
});

describe("大纲 tab: 一键排版", () => {
  /** The sample with every run in 宋体 12 pt, single spacing and no indent: nothing formatted yet. */
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

  test("formats the whole document by level and never changes the text", async () => {
    const { user, host } = await setup({ doc: unformatted() });
    const before = texts(host);
    await user.click(screen.getByRole("button", { name: "一键排版" }));
    await screen.findByText(/已排版 \d+ 段/);
    expect(texts(host)).toEqual(before);
    const p = host.model.paragraphs;
    expect(p[0]).toMatchObject({ alignment: "center", firstLineIndentChars: 0 });
    expect(p[0].runs[0]).toMatchObject({ fontEastAsia: "方正小标宋简体", sizePt: 22 });
    expect(p[2].firstLineIndentChars).toBe(0); // 同志们：
    expect(p[11].runs[0].fontEastAsia).toBe("黑体");
    expect(p[11].outlineLevel).toBe(0);
    expect(p[12].runs[0].fontEastAsia).toBe("楷体_GB2312");
    expect(p[13]).toMatchObject({ firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28.95 } });
    expect(p[13].runs[0]).toMatchObject({ fontEastAsia: "仿宋_GB2312", sizePt: 16 });
    // The speaker line under the title is left as it was.
    expect(p[1].runs[0].fontEastAsia).toBe("宋体");
    const n = Number(/已排版 (\d+) 段/.exec(screen.getByText(/已排版 \d+ 段/).textContent!)![1]);
    // The message shows next to the button that did it.
    expect(within(screen.getByRole("region", { name: "一键排版" })).getByText(/已排版/)).toBeInTheDocument();
    expect(n).toBe(p.length - 1);
  });

  test("formats only the selected paragraphs when asked", async () => {
    const { user, host } = await setup({ doc: unformatted() });
    const before = texts(host);
    host.selectParagraphs(11, 13);
    await user.click(screen.getByRole("radio", { name: "所选段落" }));
    await user.click(screen.getByRole("button", { name: "一键排版" }));
    await screen.findByText(/已排版 3 段/);
    expect(texts(host)).toEqual(before);
    const fonts = host.model.paragraphs.map((p) => p.runs[0]?.fontEastAsia);
    expect(fonts.slice(11, 14)).toEqual(["黑体", "楷体_GB2312", "仿宋_GB2312"]);
    expect(fonts.filter((f) => f === "宋体")).toHaveLength(fonts.length - 3);
  });

  test("with the selection choice and no cursor it asks for a selection", async () => {
    const { user } = await setup();
    await user.click(screen.getByRole("radio", { name: "所选段落" }));
    await user.click(screen.getByRole("button", { name: "一键排版" }));
    expect(await screen.findByText("请先在文档中选中要排版的段落。")).toBeInTheDocument();
  });

  test("shows that it is busy and keeps the buttons disabled meanwhile", async () => {
    const host = new MemoryHost(unformatted(), { latencyMs: 80 });
    const user = userEvent.setup();
    render(<App host={host} initialTab="outline" />);
    await screen.findByRole("tree", { name: "文稿大纲" }, { timeout: 3000 });
    await user.click(screen.getByRole("button", { name: "一键排版" }));
    expect(await screen.findByText("正在排版…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "插入提纲" })).toBeDisabled();
    await screen.findByText(/已排版 \d+ 段/, undefined, { timeout: 3000 });
    await waitFor(() => expect(screen.getByRole("button", { name: "插入提纲" })).toBeEnabled());
  });
});

describe("大纲 tab: 插入提纲", () => {
  test("offers the eight templates", async () => {
    await setup();
    const names = within(screen.getByRole("combobox", { name: "提纲模板" }))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(names).toEqual(["工作会议讲话", "动员部署会讲话", "总结表彰大会讲话", "培训班开班讲话", "座谈会讲话", "述职报告", "通知", "请示"]);
  });

  test("a speech template keeps the promise: 讲五点 with five parts, no outline problem after inserting", async () => {
    const { user, host } = await setup({ doc: docFromText("前言"), cursor: 0 });
    await user.selectOptions(screen.getByRole("combobox", { name: "讲几点（一级标题数）" }), "5");
    await user.selectOptions(screen.getByRole("combobox", { name: "每点下的小标题数" }), "2");
    const preview = within(screen.getByRole("list", { name: "提纲预览" })).getAllByRole("listitem");
    // title, 称谓, opening, 过渡, 5 × (一、 + 2 × (（一） + 正文)), closing
    expect(preview).toHaveLength(4 + 5 * 5 + 1);
    await user.click(screen.getByRole("button", { name: "插入提纲" }));
    await screen.findByText(`已在光标所在段落之后插入提纲，共 ${4 + 5 * 5 + 1} 段。请把〔〕中的内容换成实际内容。`);
    expect(within(screen.getByRole("region", { name: "插入提纲" })).getByText(/已在光标所在段落之后插入提纲/)).toBeInTheDocument();
    const t = texts(host);
    expect(t).toContain("下面，我讲五点意见。");
    expect(t.filter((x) => /^[一二三四五六]、/.test(x))).toEqual(["一、〔第一部分标题〕", "二、〔第二部分标题〕", "三、〔第三部分标题〕", "四、〔第四部分标题〕", "五、〔第五部分标题〕"]);
    // The tree shows the new outline, with no fault and no promise problem.
    await waitFor(() => expect(items()).toHaveLength(5 + 5 * 2));
    expect(screen.queryByText("有误")).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "其他层次问题" })).not.toBeInTheDocument();
  });

  test("the second level as 一是… and a 公文 template", async () => {
    const { user, host } = await setup({ doc: docFromText("前言"), cursor: 0 });
    await user.selectOptions(screen.getByRole("combobox", { name: "每点下的小标题数" }), "3");
    await user.selectOptions(screen.getByRole("combobox", { name: "二级层次形式" }), "yishi");
    expect(within(screen.getByRole("list", { name: "提纲预览" })).getAllByText("一是〔……〕；二是〔……〕；三是〔……〕。")).toHaveLength(3);

    await user.selectOptions(screen.getByRole("combobox", { name: "提纲模板" }), "通知");
    // A new template brings its own defaults: no second level, so the form cannot be chosen.
    expect(screen.getByRole("combobox", { name: "每点下的小标题数" })).toHaveValue("0");
    expect(screen.getByRole("combobox", { name: "二级层次形式" })).toBeDisabled();
    await user.selectOptions(screen.getByRole("combobox", { name: "讲几点（一级标题数）" }), "4");
    await user.click(screen.getByRole("button", { name: "插入提纲" }));
    await screen.findByText(/已在光标所在段落之后插入提纲/);
    const t = texts(host);
    expect(t[1]).toBe("关于〔事项〕的通知");
    expect(t).toContain("现将有关事项通知如下：");
    expect(t.filter((x) => /^[一二三四五六]、/.test(x))).toHaveLength(4);
    expect(t).toContain("特此通知。");
  });

  test("an insert that fails can be retried", async () => {
    const host = new MemoryHost(docFromText("前言"));
    host.placeCursor(0, 0);
    const real = host.insertParagraphs.bind(host);
    let calls = 0;
    host.insertParagraphs = async (p) => {
      if (++calls === 1) throw new Error("文档处于只读状态，无法插入。");
      return real(p);
    };
    const { user } = await setup({ host });
    await user.click(screen.getByRole("button", { name: "插入提纲" }));
    expect(await screen.findByText("文档处于只读状态，无法插入。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "重试" }));
    await screen.findByText(/已在光标所在段落之后插入提纲/);
    expect(host.model.paragraphs.length).toBeGreaterThan(10);
  });
});

describe("大纲 tab: accessibility (axe)", () => {
  test("loaded, after an action, and with an error", async () => {
    const { user, view } = await setup({ cursor: 13 });
    expect(await axe(view.container)).toHaveNoViolations();
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    await screen.findByText(/已在光标所在段落之后插入/);
    expect(await axe(view.container)).toHaveNoViolations();
    view.unmount();

    const failing = await setup();
    await failing.user.click(screen.getByRole("button", { name: "重新编号" }));
    await screen.findByText(/请先把光标放到/);
    expect(await axe(failing.view.container)).toHaveNoViolations();
  });
});
