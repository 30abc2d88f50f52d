/**
 * The preview's document view draws what 一键排版 gives the 公文 elements — the red 发文机关标志,
 * hanging indents, right indents and the 版头 / 版记 lines — and drops them again after 撤销排版.
 * Rendered to static markup (no DOM needed: the view's effects do not run).
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FORMAT_DESCRIPTION } from "../../src/core/host";
import { docFromText } from "../../src/core/model";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { resolveProfile } from "../../src/core/profiles";
import { DocumentView } from "../../src/preview/DocumentView";
import { MemoryHost } from "../../src/preview/memoryHost";

const GONGWEN = [
  "××市人民政府文件",
  "×府发〔2024〕3号",
  "××市人民政府关于开展安全检查的通知",
  "各乡镇人民政府：",
  "现将检查方案印发给你们，请认真贯彻执行。",
  "附件：安全检查方案",
  "××市人民政府",
  "2024年5月10日",
  "抄送：市委办公室，市人大常委会办公室。",
  "××市人民政府办公室          2024年5月10日印发",
];

/** The inline style of paragraph i as rendered. */
function styleOf(html: string, i: number): string {
  const m = new RegExp(`<p[^>]*style="([^"]*)"[^>]*data-paragraph="${i}"`).exec(html) ?? new RegExp(`<p[^>]*data-paragraph="${i}"[^>]*style="([^"]*)"`).exec(html);
  if (!m) throw new Error(`paragraph ${i} not rendered`);
  return m[1];
}

it("draws the 公文 elements' colour, indents and lines after 一键排版, and not after 撤销排版", async () => {
  const plain = docFromText(GONGWEN.join("\n"));
  // As a .docx reads: one run of 宋体 小四 per paragraph.
  const draft = { ...plain, hasFormatting: true, paragraphs: plain.paragraphs.map((p) => ({ ...p, runs: [{ text: p.text, start: 0, end: p.text.length, fontEastAsia: "宋体", sizePt: 12 }] })) };
  const host = new MemoryHost(draft);
  const render = () => renderToStaticMarkup(createElement(DocumentView, { host }));
  const before = render();
  expect(before).not.toMatch(/#FF0000/i);
  const doc = await host.readDocument();
  const plan = formatPlan(doc, buildOutline(doc), resolveProfile("gongwen").format);
  await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], Object.fromEntries(GONGWEN.map((t, i) => [i, t])), { undoLabel: "一键排版" });
  const after = render();
  // The red 发文机关标志 (its runs) and the red line under the 发文字号.
  expect(after).toMatch(/<span[^>]*style="[^"]*color:#FF0000/);
  expect(styleOf(after, 1)).toMatch(/border-bottom:[^;]*solid #FF0000/);
  // 附件说明: a 5-character left indent with the first line 3 characters out.
  expect(styleOf(after, 5)).toMatch(/text-indent:-3em/);
  expect(styleOf(after, 5)).toMatch(/margin-left:5em/);
  // 抄送: lines above and below in the text colour (black paper ink follows the theme), 右空一字.
  expect(styleOf(after, 8)).toMatch(/border-top:[^;]*solid currentColor/);
  expect(styleOf(after, 8)).toMatch(/border-bottom:[^;]*solid currentColor/);
  expect(styleOf(after, 8)).toMatch(/margin-right:1em/);
  // Body text: no lines, no colour.
  expect(styleOf(after, 4)).not.toMatch(/border|margin-left/);
  await host.undo();
  expect(render()).toBe(before);
});
