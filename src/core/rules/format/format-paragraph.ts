/**
 * format-paragraph: first-line indent (2 characters, not leading spaces), fixed line spacing,
 * a centred title and a flush-left salutation.
 *
 * GB/T 9704-2012 lays headings out as body paragraphs (7.3.3 「每个自然段左空二字」), so
 * headings get the body indent; a flush-left heading is a common house style and only gets
 * info. Line spacing of 22 lines a page (5.2.3) is a fixed 28–29.5 pt in practice, or
 * single spacing snapped to a 22-line document grid.
 */
import {
  firstLineIndentChars,
  isHeadingRole,
  leadingSpaces,
  levelFormat,
  paragraphRole,
  ROLE_LABEL,
  type ParagraphRole,
} from "../../format/levels";
import { findElements } from "../../format/elements";
import { roleFormat, ROLES, unitRoleStyle, type Role, type RoleAlignment, type RoleFormat } from "../../format/roles";
import type { DocModel, LineSpacing, Paragraph } from "../../model";
import { parseSalutation } from "../../numbering";
import type { FormatSpec } from "../../profiles";
import type { Fix, FormatPatch, Rule, RuleContext, Severity } from "../types";

const INDENT_TOLERANCE_CHARS = 0.25;
const EPS = 0.01;
/** Headings may differ from the range by less than this many points. */
const HEADING_SPACING_TOLERANCE_PT = 1;
/** The line pitch of 22 lines in a 225 mm 版心 (579 twips), what 公文 templates use. */
const PREFERRED_LINE_PITCH_PT = 28.95;
/** Share of checked paragraphs above which a deviation counts as document-wide. */
const MAJORITY = 0.5;
const MAJORITY_MIN = 3;

type Aspect = "indent" | "spacing" | "align" | "element";

interface Pending {
  paragraph: number;
  aspect: Aspect;
  /** Same key = same deviation (for the document-wide summary). */
  key: string;
  message: string;
  /** The message used when most paragraphs share this deviation. */
  short: string;
  start: number;
  end: number;
  severity?: Severity;
  fix?: Fix;
}

function fmtNum(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function charsText(c: number): string {
  if (Math.abs(c) <= INDENT_TOLERANCE_CHARS) return "无首行缩进";
  if (c < 0) return `悬挂缩进${fmtNum(-c)}字符`;
  return `首行缩进${fmtNum(c)}字符`;
}

/** How many characters of first-line indent, as the expectation is said: 「首行缩进2字符」 or 「无首行缩进」. */
function wantIndentText(target: number): string {
  return Math.abs(target) <= INDENT_TOLERANCE_CHARS ? "无首行缩进" : `首行缩进${fmtNum(target)}字符`;
}

/**
 * How a role is expected to look: the same roleFormat the formatters apply (profile plus the
 * unit's `format.roles`), so 一键排版 then 检查 agree. Undefined for roles no writer sets.
 */
function expected(spec: FormatSpec, role: ParagraphRole): RoleFormat | undefined {
  return (ROLES as readonly string[]).includes(role) ? roleFormat(spec, role as Role) : undefined;
}

/** Left and justified look the same on a short line and are both 「居左」: either meets the other. */
function alignOk(actual: NonNullable<Paragraph["alignment"]>, want: RoleAlignment): boolean {
  if (actual === want) return true;
  return (want === "left" || want === "justify") && (actual === "left" || actual === "justify");
}

function preferredSpacing(range: [number, number]): number {
  const [lo, hi] = range;
  return PREFERRED_LINE_PITCH_PT >= lo && PREFERRED_LINE_PITCH_PT <= hi ? PREFERRED_LINE_PITCH_PT : (lo + hi) / 2;
}

function rangeText(range: [number, number]): string {
  return range[0] === range[1] ? `${fmtNum(range[0])}磅` : `${fmtNum(range[0])}～${fmtNum(range[1])}磅`;
}

function spacingText(ls: LineSpacing): string {
  if (ls.rule === "exact") return `固定值${fmtNum(ls.value)}磅`;
  if (ls.rule === "atLeast") return `最小值${fmtNum(ls.value)}磅`;
  if (Math.abs(ls.value - 1) < EPS) return "单倍行距";
  return `${fmtNum(ls.value)}倍行距`;
}

/** True when some section has a line grid whose pitch is in the range (single spacing then snaps to it). */
function gridInRange(doc: DocModel, range: [number, number]): boolean {
  return doc.sections.some(
    (s) =>
      (s.gridType === "lines" || s.gridType === "linesAndChars" || s.gridType === "snapToChars") &&
      s.gridLinePitchPt !== undefined &&
      s.gridLinePitchPt >= range[0] - EPS &&
      s.gridLinePitchPt <= range[1] + EPS,
  );
}

function indentFix(i: number, target: number, removeSpaces: number, extra: FormatPatch = {}): Fix {
  const set: FormatPatch = { ...extra, firstLineIndentChars: target };
  return {
    description: removeSpaces > 0 ? `删除段首空格，设置首行缩进${fmtNum(target)}字符` : `设置首行缩进${fmtNum(target)}字符`,
    format: [{ paragraph: i, set }],
    ...(removeSpaces > 0 ? { text: [{ paragraph: i, start: 0, end: removeSpaces, text: "" }] } : {}),
  };
}

/** First-line indent of body paragraphs and headings. */
function checkIndent(p: Paragraph, role: ParagraphRole, spec: FormatSpec, out: Pending[]): void {
  const i = p.index;
  const target = expected(spec, role)?.firstLineIndentChars ?? spec.firstLineIndentChars;
  const fallback = levelFormat(spec, role)?.sizePt ?? spec.body.sizePt;
  const real = firstLineIndentChars(p, fallback);
  const lead = leadingSpaces(p.text);
  const name = ROLE_LABEL[role];
  const heading = isHeadingRole(role);
  // An auto-numbered paragraph is indented by its list (left indent + hanging), which the
  // model does not carry; its first-line indent alone says nothing.
  if (p.listLabel) return;
  if (lead.length > 0) {
    const spacesOnly = real === undefined || Math.abs(real) <= INDENT_TOLERANCE_CHARS;
    if (spacesOnly && Math.abs(lead.width - target) <= INDENT_TOLERANCE_CHARS) {
      out.push({
        paragraph: i,
        aspect: "indent",
        key: `spaces:${lead.width}`,
        message: `段首用空格代替首行缩进，建议删除空格，设置首行缩进${fmtNum(target)}字符`,
        short: `用空格代替了首行缩进`,
        start: 0,
        end: lead.length,
        severity: "info",
        fix: indentFix(i, target, lead.length),
      });
    } else {
      const visual = (real ?? 0) + lead.width;
      const now = spacesOnly ? `段首有${lead.length}个空格` : `${charsText(real)}，段首另有${lead.length}个空格，实际缩进约${fmtNum(visual)}字符`;
      out.push({
        paragraph: i,
        aspect: "indent",
        key: `spaces:${real === undefined ? "?" : real.toFixed(2)}:${lead.width}`,
        message: `${name}应${wantIndentText(target)}，${now}`,
        short: `段首有多余空格`,
        start: 0,
        end: lead.length,
        fix: indentFix(i, target, lead.length),
      });
    }
    return;
  }
  if (real === undefined || Math.abs(real - target) <= INDENT_TOLERANCE_CHARS) return;
  const flushHeading = heading && Math.abs(real) <= INDENT_TOLERANCE_CHARS && target === spec.firstLineIndentChars;
  out.push({
    paragraph: i,
    aspect: "indent",
    key: `indent:${real.toFixed(2)}`,
    message: flushHeading
      ? `${name}顶格排列；按 GB/T 9704，标题与正文一样首行缩进${fmtNum(target)}字符`
      : `${name}应${wantIndentText(target)}，现为${charsText(real)}`,
    short: Math.abs(target) <= INDENT_TOLERANCE_CHARS ? "不应首行缩进" : `首行缩进应为${fmtNum(target)}字符`,
    start: 0,
    end: 0,
    ...(flushHeading ? { severity: "info" as Severity } : {}),
    fix: indentFix(i, target, 0),
  });
}

/** Fixed line spacing in the profile's range, or single spacing on a matching document grid. */
function checkSpacing(doc: DocModel, p: Paragraph, role: ParagraphRole, spec: FormatSpec, out: Pending[]): void {
  const ls = p.lineSpacing;
  if (!ls) return;
  const range = spec.lineSpacingPt;
  const tol = isHeadingRole(role) ? HEADING_SPACING_TOLERANCE_PT : EPS;
  const inRange = (v: number) => v >= range[0] - tol && v <= range[1] + tol;
  const want = `固定值${rangeText(range)}`;
  const fix: Fix = {
    description: `行距设为固定值${fmtNum(preferredSpacing(range))}磅`,
    format: [{ paragraph: p.index, set: { lineSpacing: { rule: "exact", value: preferredSpacing(range) } } }],
  };
  const name = ROLE_LABEL[role];
  const base = { paragraph: p.index, aspect: "spacing" as Aspect, key: `${ls.rule}:${ls.value}`, start: 0, end: 0, fix };
  if (ls.rule === "exact") {
    if (inRange(ls.value)) return;
    out.push({ ...base, message: `${name}行距应为${want}，现为${spacingText(ls)}`, short: `行距应为${want}` });
    return;
  }
  if (ls.rule === "atLeast") {
    if (inRange(ls.value)) {
      // Renders the same for 三号 text, but larger characters push the line down.
      out.push({
        ...base,
        message: `${name}行距为${spacingText(ls)}，建议改为${want}，使每页22行`,
        short: `行距建议改为固定值`,
        severity: "info",
      });
    } else {
      out.push({ ...base, message: `${name}行距应为${want}，现为${spacingText(ls)}`, short: `行距应为${want}` });
    }
    return;
  }
  if (Math.abs(ls.value - 1) < EPS && gridInRange(doc, range)) return;
  out.push({ ...base, message: `${name}行距应为${want}，现为${spacingText(ls)}`, short: `行距应为${want}` });
}

const ALIGN_TEXT: Record<NonNullable<Paragraph["alignment"]>, string> = {
  left: "左对齐",
  center: "居中",
  right: "右对齐",
  justify: "两端对齐",
  distribute: "分散对齐",
};

function checkTitle(p: Paragraph, spec: FormatSpec, out: Pending[]): void {
  const problems: string[] = [];
  const set: FormatPatch = {};
  const lead = leadingSpaces(p.text);
  const want = roleFormat(spec, "title");
  const centred = want.alignment === "center";
  const plain = centred && Math.abs(want.firstLineIndentChars) <= INDENT_TOLERANCE_CHARS;
  if (p.alignment !== undefined && !alignOk(p.alignment, want.alignment)) {
    problems.push(`标题应${ALIGN_TEXT[want.alignment]}，现为${ALIGN_TEXT[p.alignment]}`);
    set.alignment = want.alignment;
  }
  const real = firstLineIndentChars(p, want.sizePt);
  if (real !== undefined && Math.abs(real - want.firstLineIndentChars) > INDENT_TOLERANCE_CHARS) {
    problems.push(plain ? `居中的标题不应有${charsText(real)}` : `标题应${wantIndentText(want.firstLineIndentChars)}，现为${charsText(real)}`);
    set.firstLineIndentChars = want.firstLineIndentChars;
  }
  if (lead.length > 0) {
    problems.push(centred ? `标题前有${lead.length}个空格，应删除空格并用居中对齐` : `标题前有${lead.length}个空格，应删除空格`);
    set.alignment = want.alignment;
  }
  if (problems.length === 0) return;
  out.push({
    paragraph: p.index,
    aspect: "align",
    key: "title",
    message: problems.join("；"),
    short: problems.join("；"),
    start: 0,
    end: lead.length,
    fix: {
      description: plain ? "标题居中，不缩进" : `标题设为${ALIGN_TEXT[want.alignment]}，${wantIndentText(want.firstLineIndentChars)}`,
      format: [{ paragraph: p.index, set }],
      ...(lead.length > 0 ? { text: [{ paragraph: p.index, start: 0, end: lead.length, text: "" }] } : {}),
    },
  });
}


function checkSalutation(p: Paragraph, spec: FormatSpec, out: Pending[]): void {
  // A 同志们-type 称谓 and a 公文's 主送机关 are placed alike (7.3.2: 居左顶格).
  const name = parseSalutation(p.text) ? "称谓" : "主送机关";
  const problems: string[] = [];
  const set: FormatPatch = {};
  const lead = leadingSpaces(p.text);
  const want = roleFormat(spec, "salutation");
  const flushLeft = alignOk("left", want.alignment);
  if (p.alignment !== undefined && !alignOk(p.alignment, want.alignment)) {
    problems.push(`现为${ALIGN_TEXT[p.alignment]}`);
    set.alignment = flushLeft ? "justify" : want.alignment;
  }
  const real = firstLineIndentChars(p, want.sizePt);
  if (real !== undefined && Math.abs(real - want.firstLineIndentChars) > INDENT_TOLERANCE_CHARS) {
    problems.push(`现为${charsText(real)}`);
    set.firstLineIndentChars = want.firstLineIndentChars;
  }
  if (lead.length > 0) problems.push(`段首有${lead.length}个空格`);
  if (problems.length === 0) return;
  // The unit's config may place it otherwise than 居左顶格.
  const where = flushLeft && Math.abs(want.firstLineIndentChars) <= INDENT_TOLERANCE_CHARS ? "顶格" : `${ALIGN_TEXT[want.alignment]}、${wantIndentText(want.firstLineIndentChars)}`;
  out.push({
    paragraph: p.index,
    aspect: "align",
    key: "salutation",
    message: `${name}应${where}，${problems.join("，")}`,
    short: `${name}应${where}`,
    start: 0,
    end: lead.length,
    fix: {
      description: `${name}${where === "顶格" ? "顶格" : `设为${where}`}`,
      ...(Object.keys(set).length > 0 ? { format: [{ paragraph: p.index, set }] } : {}),
      ...(lead.length > 0 ? { text: [{ paragraph: p.index, start: 0, end: lead.length, text: "" }] } : {}),
    },
  });
}

/** Where each 公文 element sits (GB/T 9704 7.2, 7.3.4–7.3.6, 7.4): the alignments it may have. */
const ELEMENT_ALIGN: Partial<Record<ParagraphRole, { ok: ReadonlyArray<Paragraph["alignment"]>; fix: "left" | "center" | "right" | "justify"; where: string }>> = {
  copyNo: { ok: ["left", "justify"], fix: "left", where: "顶格排在版心左上角" },
  secret: { ok: ["left", "justify"], fix: "left", where: "顶格排在版心左上角" },
  urgency: { ok: ["left", "justify"], fix: "left", where: "顶格排在版心左上角" },
  issuer: { ok: ["center"], fix: "center", where: "居中排布" },
  signer: { ok: ["right"], fix: "right", where: "居右空一字" },
  attachment: { ok: ["left", "justify"], fix: "justify", where: "在正文下左空二字编排" },
  signature: { ok: ["right"], fix: "right", where: "右对齐（不加盖印章时右空二字，加盖印章时以成文日期为准居中）" },
  date: { ok: ["right"], fix: "right", where: "右对齐（不加盖印章时首字比署名首字右移二字，加盖印章时右空四字）" },
  note: { ok: ["left", "justify"], fix: "justify", where: "居左空二字加圆括号编排" },
  copyTo: { ok: ["left", "justify"], fix: "justify", where: "左右各空一字编排" },
  printer: { ok: ["left", "justify", "distribute"], fix: "justify", where: "印发机关左空一字、印发日期右空一字编排在同一行" },
};

/** Leading spaces at least this wide place a 落款 by hand: its position is then not judged by alignment. */
const PADDED_CHARS = 4;

/** The alignment of a 公文 element, and the 附注's 左空二字. */
function checkElement(p: Paragraph, role: ParagraphRole, spec: FormatSpec, docNoWithSigner: boolean, out: Pending[]): void {
  const name = ROLE_LABEL[role];
  const lead = leadingSpaces(p.text);
  const base = { paragraph: p.index, aspect: "element" as Aspect, key: role, start: 0, end: 0 };
  let rule = ELEMENT_ALIGN[role];
  if (role === "docNo") {
    rule = docNoWithSigner
      ? { ok: ["left", "justify"], fix: "justify", where: "居左空一字，与签发人同行" }
      : { ok: ["center"], fix: "center", where: "居中排布" };
  }
  // The unit's config may place the element otherwise: then that alignment is the expectation.
  const unitAlign = unitRoleStyle(spec, role as Role)?.alignment;
  if (unitAlign !== undefined) {
    const ok: Array<Paragraph["alignment"]> = unitAlign === "left" || unitAlign === "justify" ? ["left", "justify"] : [unitAlign];
    rule = { ok, fix: unitAlign, where: ALIGN_TEXT[unitAlign] };
  }
  const a = p.alignment;
  if (rule && a !== undefined && !rule.ok.includes(a)) {
    const real = firstLineIndentChars(p, spec.body.sizePt) ?? 0;
    // A 落款 pushed right with spaces or a large indent is placed by hand, not wrong by its alignment.
    const byHand = (role === "signature" || role === "date") && a !== "center" && (lead.width >= PADDED_CHARS || real >= PADDED_CHARS);
    if (!byHand) {
      out.push({
        ...base,
        message: `${name}应${rule.where}，现为${ALIGN_TEXT[a]}`,
        short: `${name}应${rule.where}`,
        fix: { description: `${name}设为${ALIGN_TEXT[rule.fix]}`, format: [{ paragraph: p.index, set: { alignment: rule.fix } }] },
      });
    }
  }
  if (role === "note" && lead.length === 0) {
    const real = firstLineIndentChars(p, spec.body.sizePt);
    const unitIndent = unitRoleStyle(spec, "note")?.indentChars;
    const target = roleFormat(spec, "note").firstLineIndentChars;
    if (real !== undefined && real >= -INDENT_TOLERANCE_CHARS && Math.abs(real - target) > INDENT_TOLERANCE_CHARS) {
      out.push({
        ...base,
        key: "note-indent",
        message: unitIndent === undefined ? `附注应居左空二字（首行缩进${fmtNum(target)}字符），现为${charsText(real)}` : `附注应${wantIndentText(target)}，现为${charsText(real)}`,
        short: `附注应首行缩进${fmtNum(target)}字符`,
        fix: indentFix(p.index, target, 0),
      });
    }
  }
}

/** Elements whose line spacing is the body's (主体); the 版头 and 版记 lines are placed in millimetres. */
const SPACED_ELEMENTS: ReadonlySet<ParagraphRole> = new Set<ParagraphRole>(["attachment", "signature", "date", "note"]);

function emit(ctx: RuleContext, pending: Pending[], checked: Map<Aspect, number>): void {
  // Deviations most paragraphs share: keep reporting each paragraph, with a short message,
  // and say once on the first one how many paragraphs are affected.
  const counts = new Map<string, number>();
  for (const f of pending) counts.set(`${f.aspect}|${f.key}`, (counts.get(`${f.aspect}|${f.key}`) ?? 0) + 1);
  const announced = new Set<string>();
  for (const f of pending) {
    const k = `${f.aspect}|${f.key}`;
    const n = counts.get(k) ?? 0;
    const total = checked.get(f.aspect) ?? 0;
    let message = f.message;
    if (n >= MAJORITY_MIN && n > total * MAJORITY) {
      if (announced.has(k)) message = f.short;
      else {
        announced.add(k);
        message = `${f.message}（全文共${n}段如此）`;
      }
    }
    ctx.report({
      paragraph: f.paragraph,
      start: f.start,
      end: f.end,
      message,
      messageId: f.aspect,
      ...(f.severity ? { severity: f.severity } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    });
  }
}

export const formatParagraph: Rule = {
  id: "format-paragraph",
  category: "format.paragraph",
  severity: "warning",
  title: "段落格式",
  description:
    "检查正文和层次标题首行缩进2字符（不用空格代替）、固定行距约28.95磅、标题居中、称谓和主送机关顶格，以及份号、密级、紧急程度、发文机关标志、发文字号、签发人、附件说明、署名、成文日期、附注、抄送、印发机关和印发日期的位置。",
  source: "GB/T 9704-2012 7.3.3, 5.2.3, 7.3.1, 7.3.2, 7.2.1–7.2.6, 7.3.4–7.3.6, 7.4.2–7.4.3",
  needsFormatting: true,
  messages: { indent: "首行缩进", spacing: "行距", align: "标题居中、称谓顶格", element: "版头、附件说明、落款、附注、版记的位置" },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const spec = ctx.profile.format;
    const outline = ctx.outline;
    const pending: Pending[] = [];
    const checked = new Map<Aspect, number>([
      ["indent", 0],
      ["spacing", 0],
      ["align", 0],
      ["element", 0],
    ]);
    const els = findElements(doc, outline);
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      const role = paragraphRole(doc, outline, i);
      if (role === "empty" || role === "other") continue;
      if (role === "title") {
        checked.set("align", (checked.get("align") ?? 0) + 1);
        checkTitle(p, spec, pending);
        continue;
      }
      if (ELEMENT_ALIGN[role] !== undefined || role === "docNo") {
        checked.set("element", (checked.get("element") ?? 0) + 1);
        checkElement(p, role, spec, els.docNoWithSigner === true, pending);
        if (SPACED_ELEMENTS.has(role)) {
          checked.set("spacing", (checked.get("spacing") ?? 0) + 1);
          checkSpacing(doc, p, role, spec, pending);
        }
        continue;
      }
      if (role === "salutation") {
        checked.set("align", (checked.get("align") ?? 0) + 1);
        checkSalutation(p, spec, pending);
      } else {
        checked.set("indent", (checked.get("indent") ?? 0) + 1);
        checkIndent(p, role, spec, pending);
      }
      checked.set("spacing", (checked.get("spacing") ?? 0) + 1);
      checkSpacing(doc, p, role, spec, pending);
    }
    emit(ctx, pending, checked);
  },
};
