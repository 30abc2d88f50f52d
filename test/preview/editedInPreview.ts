/**
 * A document as a clerk leaves it in the preview: the rich .docx (test/core/writer/richDocx.ts)
 * opened in a MemoryHost, a comma fixed, 一键排版 run as the 大纲 tab runs it, a paragraph inserted
 * after the title, a table cell typed in and a comment written after a fresh check.
 */
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline/actions";
import { resolveProfile } from "../../src/core/profiles";
import { readDocx } from "../../src/core/reader";
import { withOrigins } from "../../src/core/writer/spliceModel";
import { MemoryHost } from "../../src/preview/memoryHost";
import { richDocx } from "../core/writer/richDocx";

const spec = resolveProfile("speech").format;

export async function editedInPreview() {
  const bytes = richDocx();
  const read = readDocx(bytes);
  const host = new MemoryHost(withOrigins(read));
  const body = read.paragraphs[1].text;
  const comma = body.indexOf(",");
  // 修复: the half-width comma.
  const fixed = await host.applyFixes([{ description: "改为全角逗号", text: [{ paragraph: 1, start: comma, end: comma + 1, text: "，" }] }], { 1: body });
  expect(fixed.applied).toBe(1);
  // 一键排版, as the 大纲 tab runs it.
  const doc = await host.readDocument();
  const plan = formatPlan(doc, buildOutline(doc), spec);
  const expected: Record<number, string> = {};
  for (const e of plan) expected[e.paragraph] = doc.paragraphs[e.paragraph].text;
  expect((await host.applyFixes([{ description: "一键排版", format: plan }], expected, { undoLabel: "一键排版" })).applied).toBe(1);
  // A paragraph inserted after the title, a table cell filled in, a comment.
  host.placeCursor(0, 0);
  await host.insertParagraphs([{ role: "body", text: "新插入的一段正文。" }]);
  const cell = host.model.paragraphs.findIndex((p) => p.text === "办公室");
  expect(host.editParagraph(cell, "办公室（含机要）")).toBe(true);
  // 写入批注 after a fresh check (the host writes comments only where the paragraph reads as checked).
  const checked = await host.readDocument();
  const at = checked.paragraphs.findIndex((p) => p.text.startsWith("各单位"));
  const added = await host.addComments([
    { rule: "punctuation", category: "punctuation.width", severity: "error", paragraph: at, start: comma, end: comma + 1, excerpt: "，", message: "这里原是半角逗号。" },
  ]);
  expect(added).toBe(1);
  return { bytes, read, host };
}

