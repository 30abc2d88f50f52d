import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryHost } from "../../src/preview/memoryHost";
import { PreviewPage } from "../../src/preview/PreviewPage";
import { sampleDraft } from "../../src/preview/sampleDraft";

async function setup() {
  const host = new MemoryHost(sampleDraft());
  const user = userEvent.setup();
  await act(async () => render(<PreviewPage host={host} />));
  return { host, user };
}

describe("preview page", () => {
  test("shows the sample draft next to the taskpane; a click on a paragraph places the cursor", async () => {
    const { host, user } = await setup();
    const doc = screen.getByRole("article", { name: "文档" });
    expect(doc.querySelectorAll("p[data-paragraph]")).toHaveLength(25);
    expect(within(screen.getByRole("complementary", { name: "任务窗格" })).getByRole("tab", { name: "检查" })).toBeInTheDocument();
    await user.click(within(doc).getByText("同志们："));
    expect(host.currentSelection?.paragraph).toBe(2);
  });

  test("a selection made by the taskpane is highlighted with <mark>", async () => {
    const { host } = await setup();
    await act(() => host.select(9, 30, 32));
    const marks = screen.getByRole("article", { name: "文档" }).querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent).join("")).toBe(sampleDraft().paragraphs[9].text.slice(30, 32));
  });

  test("fonts are shown by role", async () => {
    await setup();
    const doc = screen.getByRole("article", { name: "文档" });
    const span = (i: number) => doc.querySelector<HTMLElement>(`p[data-paragraph="${i}"] span[data-start]`)!;
    expect(span(5).style.fontFamily).toContain("黑体");
    expect(span(6).style.fontFamily).toContain("楷体_GB2312");
    expect(span(7).style.fontFamily).toContain("仿宋_GB2312");
  });

  test("打开文档 reads a .txt; a broken .docx gives a Chinese message", async () => {
    const { host, user } = await setup();
    const input = screen.getByLabelText("打开文档");
    await user.upload(input, new File(["同志们：\n下面，我讲两点意见。"], "稿子.txt", { type: "text/plain" }));
    await screen.findByText(/当前：稿子\.txt/);
    expect(host.model.paragraphs.map((p) => p.text)).toEqual(["同志们：", "下面，我讲两点意见。"]);
    await user.upload(input, new File(["not a zip"], "坏文件.docx"));
    expect(await screen.findByText(/无法打开「坏文件\.docx」：.*[\u4e00-\u9fff]/)).toBeInTheDocument();
    expect(host.model.paragraphs).toHaveLength(2);
  });
});
