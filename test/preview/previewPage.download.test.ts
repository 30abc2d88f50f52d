/**
 * @jest-environment jsdom
 */
/**
 * The preview page's 下载文档 after opening a .docx: the download is the opened file with the
 * preview's changes written into it (its table, header and numbering still there), and the page
 * says so. (A jsdom test kept with the preview's export tests; the page is built without JSX
 * because this project's test files are .ts.)
 */
import "../taskpane/setup";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { readDocx } from "../../src/core/reader";
import { MemoryHost } from "../../src/preview/memoryHost";
import { PreviewPage } from "../../src/preview/PreviewPage";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { memoryStore, StoreContext } from "../../src/taskpane/phrases/store";
import { RICH_TEXTS, richDocx } from "../core/writer/richDocx";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

test("下载文档 writes the fixes into the opened .docx, keeping its table, header and numbering", async () => {
  const created: Blob[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), "blob:local/1"), revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  try {
    const host = new MemoryHost(sampleDraft());
    const user = userEvent.setup();
    await act(async () => render(createElement(StoreContext.Provider, { value: memoryStore() }, createElement(PreviewPage, { host }))));
    await user.upload(screen.getByLabelText("打开文档"), new File([richDocx() as Uint8Array<ArrayBuffer>], "通知.docx", { type: DOCX }));
    await waitFor(() => expect(host.model.paragraphs[0]?.text).toBe(RICH_TEXTS.title));
    expect(host.model.paragraphs.every((p) => p.origin === p.index)).toBe(true);

    const body = host.model.paragraphs[1].text;
    const comma = body.indexOf(",");
    await act(async () => {
      await host.applyFixes([{ description: "改为全角逗号", text: [{ paragraph: 1, start: comma, end: comma + 1, text: "，" }] }], { 1: body });
    });
    await user.click(screen.getByRole("button", { name: "下载文档" }));
    expect(created).toHaveLength(1);
    const back = readDocx(await blobBytes(created[0]));
    expect(back.paragraphs[1].text).toBe("各单位要认真学习，抓好落实。");
    expect(back.paragraphs.filter((p) => p.inTable).map((p) => p.text)).toEqual(RICH_TEXTS.cells);
    expect(back.paragraphs[2].listLabel).toBe("1.");
    expect(back.otherParagraphs.map((p) => p.text)).toEqual(expect.arrayContaining([RICH_TEXTS.header, RICH_TEXTS.footer, RICH_TEXTS.footnote]));
    expect(screen.getByText("已下载「通知（修改后）.docx」，原文件的样式、编号、表格和页眉页脚保持不变。")).toBeInTheDocument();
  } finally {
    click.mockRestore();
    delete (URL as Partial<typeof URL>).createObjectURL;
  }
});
