/**
 * The 提示语 pane on import files that used to throw inside the check (an object whose toString
 * is not a function, a theme nested 100,000 deep): the pane must say why, never stay silent.
 */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { memoryStore } from "../../src/taskpane/phrases/store";
import { USER_PHRASES_KEY } from "../../src/taskpane/phrases/userPhrases";
import { fakeSource } from "./phrases/fakeSource";

const good = { text: "要把制度的笼子扎得更紧。", kind: "正文", themes: ["廉洁"] };
const file = (content: string) => new File([content], "phrases.json", { type: "application/json" });

test.each([
  ["a theme object without a usable toString", JSON.stringify([{ ...good, themes: [{ toString: 1 }] }]), /^导入失败：第 1 条的“themes”中一个对象不是可用的主题。/],
  ["a theme nested 100,000 deep", JSON.stringify([good]).replace('["廉洁"]', "[" + "[".repeat(100_000) + "]".repeat(100_000) + "]"), /^导入失败：/],
  ["JSON null", "null", /^导入失败：文件内容应是提示语列表（JSON 数组），而不是单个值。$/],
  ["an empty file", "", /^导入失败：文件是空的。/],
])("import of %s ends in a message in the pane and saves nothing", async (_name, content, message) => {
  const store = memoryStore();
  const user = userEvent.setup();
  await act(async () => render(<App host={new MemoryHost(sampleDraft())} initialTab="phrases" phraseSource={fakeSource()} store={store} />));
  const input = (await screen.findByLabelText("选择要导入的提示语文件")) as HTMLInputElement;
  await user.upload(input, file(content));
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(store.get(USER_PHRASES_KEY)).toBeUndefined();
});
