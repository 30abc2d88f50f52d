/**
 * The preview gives the document back: scroll to a finding, 写入批注 visible, 下载文档, 撤销,
 * placeholders filled in by typing, and a dark mode.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Finding } from "../../src/core/findings";
import { readDocx } from "../../src/core/reader";
import { DocumentView } from "../../src/preview/DocumentView";
import { MemoryHost } from "../../src/preview/memoryHost";
import { PreviewPage } from "../../src/preview/PreviewPage";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { memoryStore, StoreContext } from "../../src/taskpane/phrases/store";
import { mockColorScheme, type SchemeControl } from "./previewScheme";
import { TEST_RULES } from "./testRules";

const SAMPLE = sampleDraft();
const PLACEHOLDER = SAMPLE.paragraphs.findIndex((p) => p.text.startsWith("由XX牵头"));
const TYPO = SAMPLE.paragraphs.findIndex((p) => p.text.includes("处臵"));

const doc = () => screen.getByRole("article", { name: "文档" });
const para = (i: number) => doc().querySelector<HTMLElement>(`p[data-paragraph="${i}"]`)!;

/** Where scrollIntoView was called (jsdom has none). */
let scrolled: Array<{ el: Element; options: unknown }>;
let scheme: SchemeControl | undefined;
beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
    scrolled.push({ el: this, options });
  } as Element["scrollIntoView"];
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
  scheme?.restore();
  scheme = undefined;
});

async function page(host = new MemoryHost(sampleDraft())) {
  const user = userEvent.setup();
  const store = memoryStore();
  await act(async () =>
    render(
      <StoreContext.Provider value={store}>
        <PreviewPage host={host} />
      </StoreContext.Provider>,
    ),
  );
  return { host, user, store };
}

/** The document and the taskpane side by side with the small test rules (as the preview page lays them out). */
async function docAndPane() {
  const host = new MemoryHost(sampleDraft());
  const user = userEvent.setup();
  await act(async () =>
    render(
      <>
        <DocumentView host={host} />
        <App host={host} initialTab="check" rules={TEST_RULES} />
      </>,
    ),
  );
  await user.click(screen.getByRole("button", { name: "开始检查" }));
  const list = await screen.findByRole("list", { name: "检查结果" });
  const item = (text: string) => within(list).getAllByRole("listitem").find((li) => li.textContent?.includes(text))!;
  return { host, user, list, item };
}

const finding = (paragraph: number, start: number, end: number, message: string): Finding => ({
  rule: "r",
  category: "placeholder",
  severity: "error",
  paragraph,
  start,
  end,
  excerpt: "",
  message,
});

/** The bytes of a Blob (FileReader: jsdom's Blob may lack arrayBuffer). */
function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

describe("a finding located from the pane", () => {
  test("scrolls the document to it, highlights it and says where, with the mouse and with the keyboard", async () => {
    const { user, item } = await docAndPane();
    await user.click(within(item("处臵")).getByRole("button", { name: /处臵/ }));
    await waitFor(() => expect(scrolled.length).toBeGreaterThan(0));
    let last = scrolled[scrolled.length - 1];
    expect(last.el.tagName).toBe("MARK");
    expect(last.el.textContent).toBe("处臵");
    expect(para(TYPO).contains(last.el)).toBe(true);
    expect(last.options).toEqual(expect.objectContaining({ block: "center" }));
    expect(screen.getByText(`已定位到第 ${TYPO + 1} 段「处臵」。`)).toBeInTheDocument();

    // Keyboard: the locate control of another finding, focused and pressed with Enter.
    const locate = within(item("XX")).getByRole("button", { name: /XX/ });
    locate.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(scrolled[scrolled.length - 1].el.textContent).toBe("XX"));
    last = scrolled[scrolled.length - 1];
    expect(para(PLACEHOLDER).contains(last.el)).toBe(true);
    // Focus stays in the pane: the clerk goes on through the list.
    expect(locate).toHaveFocus();
  });

  test("asking again for the same place scrolls again (the clerk scrolled away meanwhile)", async () => {
    const host = new MemoryHost(sampleDraft());
    await act(async () => render(<DocumentView host={host} />));
    await act(() => host.select(TYPO, 30, 32));
    await act(() => host.select(TYPO, 30, 32));
    expect(scrolled.filter((s) => s.el.tagName === "MARK")).toHaveLength(2);
  });
});

describe("写入批注 in the preview", () => {
  test("the comments appear beside their paragraphs and their text is highlighted", async () => {
    const { user } = await docAndPane();
    await user.click(screen.getByRole("button", { name: "写入批注" }));
    await screen.findByText(/已将 \d+ 处写入批注/);
    const notes = within(doc()).getAllByRole("note", { name: "批注" });
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expect(notes.map((n) => n.textContent)).toEqual(expect.arrayContaining(["「处臵」：“处臵”应为“处置”"]));
    const marked = [...para(TYPO).querySelectorAll<HTMLElement>("span[data-start][title]")];
    expect(marked.map((s) => s.textContent).join("")).toBe("处臵");
    expect(marked[0].title).toBe("批注：“处臵”应为“处置”");
    // The paragraph's own text is unchanged: notes are beside it, not in it.
    expect(para(TYPO).textContent).toBe(SAMPLE.paragraphs[TYPO].text);
  });

  test("a paragraph with many notes shows three and the rest behind a button", async () => {
    const host = new MemoryHost(sampleDraft());
    const user = userEvent.setup();
    await act(async () => render(<DocumentView host={host} />));
    await act(async () => void (await host.addComments([0, 1, 2, 3, 4].map((k) => finding(3, k, k + 1, `第 ${k + 1} 条`)))));
    expect(within(doc()).getAllByRole("note")).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "另有 2 条批注" }));
    expect(within(doc()).getAllByRole("note")).toHaveLength(5);
    expect(screen.getByRole("button", { name: "收起批注" })).toHaveAttribute("aria-expanded", "true");
  });
});

describe("下载文档", () => {
  test("writes the current document — fixed, with its comments — as a .docx made in the page", async () => {
    const created: Blob[] = [];
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), "blob:local/1"), revokeObjectURL: revoke });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
      expect(this.href).toBe("blob:local/1");
    });
    try {
      const { host, user } = await page();
      const at = SAMPLE.paragraphs[TYPO].text.indexOf("处臵");
      await act(async () => {
        await host.applyFixes([{ description: "改为“处置”", text: [{ paragraph: TYPO, start: at, end: at + 2, text: "处置" }] }], {
          [TYPO]: SAMPLE.paragraphs[TYPO].text,
        });
        await host.addComments([finding(PLACEHOLDER, 1, 3, "占位符“XX”未替换。")]);
      });
      await user.click(screen.getByRole("button", { name: "下载文档" }));
      expect(names).toEqual(["示例讲话稿（内置）（修改后）.docx"]);
      expect(created).toHaveLength(1);
      expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      const back = readDocx(await blobBytes(created[0]));
      expect(back.paragraphs.map((p) => p.text)).toEqual(host.model.paragraphs.map((p) => p.text));
      expect(back.paragraphs[TYPO].text).toContain("处置不及时");
      expect(back.otherParagraphs.filter((p) => p.part === "comment").map((p) => p.text)).toEqual(["占位符“XX”未替换。"]);
      expect(screen.getByText("已下载「示例讲话稿（内置）（修改后）.docx」，含 1 条批注。")).toBeInTheDocument();
    } finally {
      click.mockRestore();
      // revokeObjectURL stays: the page calls it a while after the download.
      delete (URL as Partial<typeof URL>).createObjectURL;
    }
  });

  test("says so in Chinese where the browser cannot download", async () => {
    const { user } = await page();
    await user.click(screen.getByRole("button", { name: "下载文档" }));
    expect(screen.getByText("这个浏览器不支持下载文件，无法导出文档。")).toBeInTheDocument();
  });
});

describe("撤销 in the preview", () => {
  test("takes back the last fix from the button and with Ctrl+Z in the document", async () => {
    const { host, user } = await page();
    const undoButton = () => screen.getByRole("button", { name: /^撤销/ });
    expect(undoButton()).toBeDisabled();
    const text = SAMPLE.paragraphs[TYPO].text;
    const at = text.indexOf("处臵");
    const fix = () =>
      act(async () => void (await host.applyFixes([{ description: "改为“处置”", text: [{ paragraph: TYPO, start: at, end: at + 2, text: "处置" }] }], { [TYPO]: text })));
    await fix();
    expect(undoButton()).toHaveTextContent("撤销：修复 1 处");
    await user.click(undoButton());
    await screen.findByText("已撤销「修复 1 处」。检查结果可能已过时，请重新检查。");
    expect(host.model.paragraphs[TYPO].text).toBe(text);
    expect(para(TYPO).textContent).toBe(text);
    expect(undoButton()).toBeDisabled();

    await fix();
    para(3).focus();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(host.model.paragraphs[TYPO].text).toBe(text));
  });

  test("refuses in Chinese when the paragraph changed after the fix", async () => {
    const { host, user } = await page();
    const text = SAMPLE.paragraphs[TYPO].text;
    const at = text.indexOf("处臵");
    await act(async () => {
      await host.applyFixes([{ description: "改为“处置”", text: [{ paragraph: TYPO, start: at, end: at + 2, text: "处置" }] }], { [TYPO]: text });
      host.placeCursor(TYPO, 0);
      await host.insertText("另外，");
    });
    await user.click(screen.getByRole("button", { name: /^撤销/ }));
    await screen.findByText("「修复 1 处」之后文档又有改动，无法撤销。");
    expect(host.model.paragraphs[TYPO].text.startsWith("另外，")).toBe(true);
  });
});

describe("typing in the preview", () => {
  test("double-click a paragraph, type over the placeholder, Enter keeps it; the model follows and 撤销 takes it back", async () => {
    const { host, user } = await page();
    await user.dblClick(para(PLACEHOLDER));
    const box = screen.getByRole("textbox", { name: `编辑第 ${PLACEHOLDER + 1} 段` });
    expect(box).toHaveFocus();
    expect(box).toHaveValue(SAMPLE.paragraphs[PLACEHOLDER].text);
    (box as HTMLTextAreaElement).setSelectionRange(1, 3);
    await user.keyboard("市委办公室{Enter}");
    const filled = SAMPLE.paragraphs[PLACEHOLDER].text.replace("XX", "市委办公室");
    expect(host.model.paragraphs[PLACEHOLDER].text).toBe(filled);
    expect(screen.queryByRole("textbox", { name: /^编辑第/ })).toBeNull();
    expect(para(PLACEHOLDER).textContent).toBe(filled);
    await waitFor(() => expect(para(PLACEHOLDER)).toHaveFocus());
    expect(screen.getByRole("button", { name: /^撤销/ })).toHaveTextContent(`撤销：编辑第 ${PLACEHOLDER + 1} 段`);
  });

  test("keyboard: a finding selected by the pane, Enter on its paragraph opens it with the placeholder selected", async () => {
    const { host, user } = await page();
    await act(() => host.select(PLACEHOLDER, 1, 3));
    para(PLACEHOLDER).focus();
    await user.keyboard("{Enter}");
    const box = screen.getByRole("textbox", { name: `编辑第 ${PLACEHOLDER + 1} 段` }) as HTMLTextAreaElement;
    expect([box.selectionStart, box.selectionEnd]).toEqual([1, 3]);
    await user.keyboard("市应急局{Enter}");
    expect(host.model.paragraphs[PLACEHOLDER].text.startsWith("由市应急局牵头")).toBe(true);
  });

  test("Esc drops the typing; Enter that confirms a 拼音 candidate does not end editing; line breaks are not typed", async () => {
    const { host, user } = await page();
    await user.dblClick(para(3));
    const box = screen.getByRole("textbox", { name: "编辑第 4 段" });
    fireEvent.keyDown(box, { key: "Enter", keyCode: 229 });
    fireEvent.keyDown(box, { key: "Enter", isComposing: true });
    expect(box).toBeInTheDocument();
    fireEvent.change(box, { target: { value: "第一行\n第二行" } });
    expect(box).toHaveValue("第一行第二行");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(host.model.paragraphs[3].text).toBe(SAMPLE.paragraphs[3].text);
  });
});

describe("dark mode", () => {
  test("the preview follows the system's scheme, the taskpane with it; the switch overrides it and is remembered", async () => {
    scheme = mockColorScheme(true);
    const { user, store } = await page();
    const themed = () => [...document.querySelectorAll<HTMLElement>("[data-theme]")].map((e) => e.dataset.theme);
    expect(themed()).toEqual(["dark", "dark"]);
    const toggle = screen.getByRole("switch", { name: "深色模式" });
    expect(toggle).toBeChecked();
    act(() => scheme!.set(false));
    expect(themed()).toEqual(["light", "light"]);
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(themed()).toEqual(["dark", "dark"]);
    expect(store.get("preview.theme")).toBe("dark");
    // The clerk's choice wins over the system from now on.
    act(() => scheme!.set(false));
    expect(themed()).toEqual(["dark", "dark"]);
  });
});
