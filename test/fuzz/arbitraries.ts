/**
 * Random drafts for the property tests: text made of the characters the rules care about
 * (CJK, every full- and half-width mark, markers, digits, every kind of space, zero-width
 * characters, surrogates), as plain text and as formatted documents.
 */
import fc from "fast-check";
import type { Alignment, DocModel, Paragraph, Run, Section } from "../../src/core/model";

/** Pieces a draft is made of: words, marks, markers, numbers, document numbers, dates, URLs. */
export const FRAGMENTS: string[] = [
  // CJK words of speeches and 公文, including words some rules look for.
  "我们", "要", "坚持", "推进", "工作", "会议", "同志们", "讲话", "发展", "关于", "通知", "国务院", "办公厅",
  "附件", "各位领导", "大家好", "现在", "讲", "点", "意见", "以下", "其它", "其他", "部署", "布署", "的", "和",
  "是", "年", "月", "日", "号", "第", "一", "二", "三", "十", "百", "千", "万", "亿", "两", "几", "多", "余",
  "〇", "零", "某某", "主送", "抄送", "印发", "特此通知", "此致", "敬礼", "谢谢大家", "标题",
  // Placeholders and garbled text.
  "XXX", "×××", "XX", "○○", "□□", "【待定】", "（略）", "TODO", "锟斤拷", "烫烫烫", "Ã©", "\uFFFD",
  // Every full- and half-width mark and bracket.
  "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "(", ")", "〔", "〕", "【", "】",
  "《", "》", "〈", "〉", "[", "]", "{", "}", "—", "–", "-", "－", "──", "——", "…", "……", "·", "．", ".",
  ",", ";", ":", "!", "?", "~", "～", "∼", "〜", "%", "％", "﹪", "\"", "'", "「", "」", "『", "』", "/", "／",
  "＂", "＇", "`", "...", "。。。", "···", "，，", "。。", "！！", "？！", "!?", "、、", "“”", "（）", "()",
  // Markers of every level and form.
  "一、", "二、", "三、", "十一、", "一，", "一.", "（一）", "（二）", "(一)", "（十）", "1.", "2.", "1．", "10.",
  "（1）", "(1)", "（2）", "①", "②", "⑩", "1、", "2、", "一是", "二是", "三是", "第一", "第二", "第三",
  "首先", "其次", "最后", "第一条", "第二章", "A.", "a)", "Ⅰ", "Ⅱ.",
  // Numbers: ASCII and full-width, grouped, spaced, decimal, percent, ranges.
  "0", "1", "2", "3", "5", "9", "０", "１", "２", "９", "12", "１２", "1234", "12345", "12 345", "1 234 567",
  "1,234", "1，234", "3.14", "３．１４", "50%", "５０％", "50 %", "1/2", "2024", "２０２４", "1-3", "1～3",
  "1~3", "1—3", "30%—50%", "+86", "-5", "1e5", "0.5万", "3千", "12亿",
  // Document numbers and dates.
  "〔2024〕12号", "[2024]12号", "（2024）12号", "国办发〔2024〕1号", "国发[2024]01号", "〔2024〕第12号",
  "〔２０２４〕１２号", "2024年1月1日", "2024年13月32日", "2023年2月29日", "二〇二四年一月一日", "2024-01-01",
  "2024.1.1", "2024/1/1", "24年", "2月30日", "1月1日至3日", "2024年1—3月", "1月份",
  // Latin, URLs, e-mail.
  "Word", "GDP", "the", "API", "iPhone", "e.g.", "No.", "COVID-19", "5G", "ABC", "x",
  "https://www.gov.cn/zhengce/2024-01/01/content_123.htm", "http://a.b/c?d=e&f=g", "www.example.com",
  "user@example.com", "C:\\Windows",
  // Spaces of every kind, zero-width characters, surrogate pairs and lone surrogates.
  " ", "  ", "\u3000", "\u3000\u3000", "\u00A0", "\t", "\u2009", "\u200A", "\u2002", "\u2003", "\u202F",
  "\u200B", "\uFEFF", "\u200D", "\u200C", "\u2060", "\u00AD",
  "𠀀", "😀", "👍🏻", "𝟘", "\uD800", "\uDFFF", "\uD83D", "\uDE00",
];

/** Single characters, so shrinking can reach the one that matters. */
const CHARS = [...new Set(FRAGMENTS.flatMap((f) => Array.from(f)))];

const fragment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 4, arbitrary: fc.constantFrom(...CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
  // Long runs of one piece: repeated marks, digits and spaces are where scanners go wrong.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 2, max: 30 })).map(([f, n]) => f.repeat(n)) },
);

export const paragraphText: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 16 }).map((a) => a.join(""));

/** Plain text as a clerk might paste it: paragraphs with any line ending, sometimes a BOM. */
export const plainText: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(paragraphText, fc.constantFrom("\n", "\n", "\n", "\r\n", "\r", "\u2029")), { minLength: 1, maxLength: 8 }),
  )
  .map(([bom, paras]) => (bom ? "\uFEFF" : "") + paras.map(([t, nl], i) => (i ? nl : "") + t).join(""));

const FONTS = ["仿宋_GB2312", "仿宋", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体", "Times New Roman", "Calibri", ""];
const ALIGNMENTS: Alignment[] = ["left", "center", "right", "justify", "distribute"];

const runFormat = fc.record(
  {
    fontEastAsia: fc.constantFrom(...FONTS),
    fontLatin: fc.constantFrom(...FONTS),
    sizePt: fc.constantFrom(16, 22, 14, 10.5, 0, 1638),
    bold: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A paragraph with runs cut at random points (even inside a surrogate pair, as a broken file can). */
const formattedParagraph = fc
  .record(
    {
      text: paragraphText,
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
      formats: fc.array(runFormat, { minLength: 5, maxLength: 5 }),
      listLabel: fc.constantFrom("一、", "（一）", "1.", "1．", "（1）", "①", "第一章", ""),
      outlineLevel: fc.integer({ min: 0, max: 9 }),
      alignment: fc.constantFrom(...ALIGNMENTS),
      firstLineIndentChars: fc.constantFrom(0, 2, 2.5, -2, 10),
      firstLineIndentPt: fc.constantFrom(0, 32, -21),
      lineSpacing: fc.record({ rule: fc.constantFrom("auto" as const, "exact" as const, "atLeast" as const), value: fc.constantFrom(1, 1.5, 28, 28.95, 0, 200) }),
      inTable: fc.boolean(),
      styleName: fc.constantFrom("Normal", "Heading 1", "标题 1", "Title", "正文"),
    },
    { requiredKeys: ["text", "cuts", "formats"] },
  )
  .map(({ text, cuts, formats, listLabel, ...rest }) => {
    const points = [...new Set(cuts.map((c) => (text.length ? c % (text.length + 1) : 0)))].sort((a, b) => a - b);
    const bounds = [0, ...points.filter((p) => p > 0 && p < text.length), text.length];
    const runs: Run[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [start, end] = [bounds[i], bounds[i + 1]];
      if (end > start) runs.push({ text: text.slice(start, end), start, end, ...formats[i % formats.length] });
    }
    const p: Omit<Paragraph, "index"> = { part: "body", text, runs, ...rest };
    if (listLabel) p.listLabel = listLabel;
    return p;
  });

const section: fc.Arbitrary<Section> = fc.record(
  {
    pageWidthMm: fc.constantFrom(210, 297, 0, 1e6),
    pageHeightMm: fc.constantFrom(297, 210, 0),
    marginTopMm: fc.constantFrom(37, 25.4, 0, -5),
    marginBottomMm: fc.constantFrom(35, 25.4, 0),
    marginLeftMm: fc.constantFrom(28, 31.8, 0),
    marginRightMm: fc.constantFrom(26, 31.8, 0),
    gridType: fc.constantFrom("default", "lines", "linesAndChars", "snapToChars"),
    gridLinePitchPt: fc.constantFrom(28.95, 15.6, 0),
  },
  { requiredKeys: ["pageWidthMm", "pageHeightMm", "marginTopMm", "marginBottomMm", "marginLeftMm", "marginRightMm"] },
);

/** A formatted document (as read from a .docx), so the format rules run too. */
export const formattedDoc: fc.Arbitrary<DocModel> = fc
  .record({
    paragraphs: fc.array(formattedParagraph, { minLength: 1, maxLength: 8 }),
    other: fc.array(fc.tuple(formattedParagraph, fc.constantFrom("header" as const, "footer" as const, "footnote" as const)), { maxLength: 2 }),
    sections: fc.array(section, { maxLength: 2 }),
  })
  .map(({ paragraphs, other, sections }) => ({
    source: "docx" as const,
    paragraphs: paragraphs.map((p, index) => ({ ...p, index })),
    otherParagraphs: other.map(([p, part], index) => ({ ...p, part, index })),
    sections,
    hasFormatting: true,
  }));
