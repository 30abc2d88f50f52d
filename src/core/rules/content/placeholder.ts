/**
 * placeholder: unfilled template blanks left in a draft — XX / ×× / 20xx / X月X日 / ＿＿ / ** /
 * 【待定】 / 〔会议名称〕 / empty brackets / 此处填写 / 某某.
 *
 * Not reported: 〔2024〕 (the year of a 发文字号), 〔清〕〔英〕 (dynasty / nationality, GB/T 15834
 * 4.9), anonymised names (王某某, 张某), XXL / Xbox (Latin words), URLs, scraping watermarks, and
 * template names shown in instructions (after 例： / 如： / 题目为, or in 《》 / quotes in a
 * paragraph that gives such an instruction).
 */
import { isAsciiAlnum, isAsciiDigit, isAsciiLetter } from "../../text/chars";
import { ADJ_PLACEHOLDER, ASCII_DIGIT, INLINE_SPACE, OTHER_SPACE, PLACEHOLDER_LEFT, PLACEHOLDER_MARK, summaryOf, type DocSummary } from "../../text/summary";
import type { Rule, RuleContext } from "../types";
import { sentenceStart } from "./shared";

const PLACEHOLDER =
  /(?<year>(?:19|20)[xXＸｘ×]{2}(?![A-Za-z]))|(?<xs>[XxＸｘⅩ]{2,})|(?<times>[×✕╳]{2,})|(?<single>[XxＸｘ×](?=[年月日号时]))|(?<under>[_＿﹍]{2,})|(?<star>[*＊]{2,})|(?<wait>[【〔[（(]\s*(?:待|此处|请填|请输入|填写)[^【】〔〕[\]（）()]{0,15}[】〕\]）)])|(?<liu>〔[^〔〕]{0,20}〕)|(?<empty>[（(【《][ \u3000]*[）)】》])|(?<phrase>此处填写|此处输入|请在此处|在此填写|在此输入|待填写)|(?<moumou>某某+)/uy;

/*
 * PLACEHOLDER is sticky: it is tried only at candidate positions. A paragraph is scanned once
 * with charCodeAt; CAND says what a character needs to start a match of one of the
 * alternatives above (a necessary condition, checked on the next character or two), so that
 * the pattern itself runs at a handful of places instead of at every character.
 */
const C_ALWAYS = 1; // 〔 _ ＿ ﹍ * ＊ ✕ ╳
const C_X = 2; // X x Ｘ ｘ Ⅹ ×: then X-like, × or 年月日号时
const C_OPEN = 3; // 【 [ （ ( 《: then spaces and a closing bracket or 待/此/请/填
const C_ONE = 4; // 1 then 9
const C_TWO = 5; // 2 then 0
const C_CI = 6; // 此 then 处
const C_QING = 7; // 请 then 在
const C_ZAI = 8; // 在 then 此
const C_DAI = 9; // 待 then 填
const C_MOU = 10; // 某 then 某
const CAND = new Uint8Array(0x10000);
const AFTER_X = new Uint8Array(0x10000);
const AFTER_OPEN = new Uint8Array(0x10000);
const REGEX_SPACE = new Uint8Array(0x10000);
{
  const set = (t: Uint8Array, chars: string, v: number): void => {
    for (const ch of chars) t[ch.charCodeAt(0)] = v;
  };
  set(CAND, "〔_＿﹍*＊✕╳", C_ALWAYS);
  set(CAND, "XxＸｘⅩ×", C_X);
  set(CAND, "【[（(《", C_OPEN);
  CAND[0x31] = C_ONE;
  CAND[0x32] = C_TWO;
  set(CAND, "此", C_CI);
  set(CAND, "请", C_QING);
  set(CAND, "在", C_ZAI);
  set(CAND, "待", C_DAI);
  set(CAND, "某", C_MOU);
  set(AFTER_X, "XxＸｘⅩ×✕╳年月日号时", 1);
  set(AFTER_OPEN, "）)】》]〕待此请填", 1);
  // what \s matches (the \s* of the wait group, which is wider than the [ \u3000]* of the empty group)
  set(REGEX_SPACE, "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff", 1);
  for (let c = 0x2000; c <= 0x200a; c++) REGEX_SPACE[c] = 1;
}

/** Whether a match of PLACEHOLDER can start at i (a necessary condition). */
function candidateAt(text: string, i: number, kind: number): boolean {
  const next = text.charCodeAt(i + 1);
  switch (kind) {
    case C_ALWAYS:
      return true;
    case C_X:
      return AFTER_X[next] === 1;
    case C_OPEN: {
      let j = i + 1;
      while (j < text.length && REGEX_SPACE[text.charCodeAt(j)] === 1) j++;
      return AFTER_OPEN[text.charCodeAt(j)] === 1;
    }
    case C_ONE:
      return next === 0x39;
    case C_TWO:
      return next === 0x30;
    case C_CI:
      return next === 0x5904; // 处
    case C_QING:
      return next === 0x5728; // 在
    case C_ZAI:
      return next === 0x6b64; // 此
    case C_DAI:
      return next === 0x586b; // 填
    case C_MOU:
      return next === 0x67d0; // 某
    default:
      return false;
  }
}

/**
 * Whether a paragraph with these summary bits (text/summary.ts) can hold a candidate of
 * candidateAt: a mark of C_ALWAYS / C_X, a digit (19, 20), one of the Han pairs or an opening
 * bracket right before what AFTER_OPEN takes, or an opening bracket and white space (which
 * candidateAt skips between the two).
 */
function mayHoldCandidate(f: number): boolean {
  if (f & (PLACEHOLDER_MARK | ASCII_DIGIT | ADJ_PLACEHOLDER)) return true;
  return (f & PLACEHOLDER_LEFT) !== 0 && (f & (INLINE_SPACE | OTHER_SPACE)) !== 0;
}

/** The next match of PLACEHOLDER at or after `from`, or null. */
function nextMatch(text: string, from: number): RegExpExecArray | null {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const kind = CAND[text.charCodeAt(i)];
    if (kind === 0 || !candidateAt(text, i, kind)) continue;
    PLACEHOLDER.lastIndex = i;
    const m = PLACEHOLDER.exec(text);
    if (m !== null) return m;
  }
  return null;
}

/** Single-character Chinese surnames (the common ones): 王某某 / 张某某 are anonymised names. */
const SURNAMES = new Set(
  Array.from(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
  ),
);

/** Words that mark a paragraph or sentence as an instruction showing a template. */
const CUES = ["例：", "例:", "例如", "如：", "如:", "比如", "示例", "题目为", "标题为", "题为", "格式为", "格式：", "命名为", "写成", "写为", "模板", "范例", "样式为", "形如", "为题"];
const DATE_BLANK = /^[XxＸｘ×]月[XxＸｘ×]日/;
const FILL_VERB = /^(?:请填写|请填入|填写|填入)/;
const SPACE = /\s/;
const ALL_DIGITS = /^[0-9０-９]+$/;
const INSTRUCTION_PARA = /^[\s\u3000]*[（(]?(?:注|说明|填写说明|填表说明|备注)[：:]/;

const NAME_NEXT = [
  "同志", "负责人", "主任", "副主任", "局长", "副局长", "书记", "副书记", "县长", "副县长", "市长", "副市长", "区长", "副区长",
  "镇长", "乡长", "部长", "副部长", "处长", "副处长", "科长", "主席", "副主席", "委员", "先生", "女士", "总经理", "经理", "院长",
  "校长", "厅长", "省长", "主管", "秘书长", "一行", "等同志", "领导",
];
const UNIT_NEXT = ["单位", "局", "市", "县", "区", "镇", "乡", "村", "公司", "部门", "省", "厅", "委", "办", "学校", "医院", "集团", "街道"];
const NUMBER_NEXT = ["届", "次", "号", "条", "期", "名", "个", "项", "万", "亿", "元", "人", "%", "％"];
const MEETING_NEXT = ["会议", "大会", "座谈会", "培训班", "活动"];

function hint(text: string, start: number, end: number, kind: string): string {
  if (kind === "year") return "具体年份";
  const next = kind === "single" ? text.slice(start + 1, start + 2) : text.slice(end, end + 4);
  if (next.startsWith("年")) return "具体年份";
  if (next.startsWith("月") || next.startsWith("日") || next.startsWith("时")) return "具体日期或时间";
  if (NAME_NEXT.some((w) => next.startsWith(w))) return "具体姓名";
  if (MEETING_NEXT.some((w) => next.startsWith(w))) return "具体会议或活动名称";
  if (UNIT_NEXT.some((w) => next.startsWith(w))) return "具体单位或地名";
  if ((start > 0 && text[start - 1] === "第") || NUMBER_NEXT.some((w) => next.startsWith(w))) return "具体数字";
  return "具体内容";
}

/** Whether the match at `start` sits inside 《》 or quotes. */
function inQuoteOrTitle(text: string, start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 40; j--) {
    const ch = text[j];
    if (ch === "《" || ch === "“" || ch === "「" || ch === "『" || ch === "\"") return true;
    if (ch === "》" || ch === "”" || ch === "」" || ch === "』" || ch === "。") return false;
  }
  return false;
}

function hasCue(text: string, from: number, to: number): boolean {
  const s = text.slice(from, to);
  return CUES.some((c) => s.includes(c));
}

function isInstructional(text: string, start: number): boolean {
  if (INSTRUCTION_PARA.test(text)) return true;
  if (hasCue(text, sentenceStart(text, start), start)) return true;
  return inQuoteOrTitle(text, start) && hasCue(text, 0, text.length);
}

/** Forms meant to be filled in by the reader (a 回执, a table cell) keep their blanks. */
const FORM_PARA = /回执|报名表|登记表|申请表|推荐表|（签字）|（盖章）|签字：|签名：/;

function checkParagraph(ctx: RuleContext, summary: DocSummary, paragraph: number, text: string, inTable: boolean): void {
  // The skip mask and the form test are needed only once something matched.
  let skip: Uint8Array | null | undefined;
  let formCache: boolean | undefined;
  const isForm = (): boolean => (formCache ??= inTable || FORM_PARA.test(text));
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = nextMatch(text, from)) !== null) {
    const start = m.index;
    let end = start + m[0].length;
    from = end;
    if (skip === undefined) skip = summary.skipMask(paragraph);
    if (skip && (skip[start] === 1 || skip[end - 1] === 1)) continue;
    const g = m.groups ?? {};
    const prevCode = start > 0 ? text.charCodeAt(start - 1) : 0;
    const nextCode = end < text.length ? text.charCodeAt(end) : 0;
    let kind = "";
    let message = "";

    if (g.year !== undefined) {
      if (isAsciiAlnum(prevCode)) continue;
      kind = "year";
    } else if (g.xs !== undefined) {
      // XXL, Xbox, 0xFF, x86: part of a Latin word or code
      if (isAsciiAlnum(prevCode) || isAsciiAlnum(nextCode)) continue;
      kind = "xs";
    } else if (g.times !== undefined) {
      kind = "times";
    } else if (g.single !== undefined) {
      // 3×年 is a product; M1x月 is not Chinese
      if (isAsciiAlnum(prevCode) || (m[0] === "×" && isAsciiDigit(prevCode))) continue;
      kind = "single";
      // X月X日: report the whole date once
      const dm = DATE_BLANK.exec(text.slice(start, start + 4));
      if (dm) {
        end = start + dm[0].length;
        from = end;
      }
    } else if (g.under !== undefined) {
      // __init__ or snake_case
      if (isAsciiLetter(prevCode) || isAsciiLetter(nextCode) || isForm()) continue;
      kind = "under";
    } else if (g.star !== undefined) {
      kind = "star";
      // **加粗** copied from Markdown: two markers around a short text
      if (m[0] === "**") {
        const close = text.indexOf("**", end);
        if (close > end && close - end <= 40 && !SPACE.test(text[end]) && !SPACE.test(text[close - 1]) && !text.slice(end, close).includes("*")) {
          ctx.report({
            paragraph,
            start,
            end: close + 2,
            message: "“**…**”是从Markdown带来的加粗标记，应删去星号（需要加粗请用Word的加粗格式）",
            messageId: "markdown-bold",
            fix: {
              description: "删去“**”",
              text: [
                { paragraph, start, end, text: "" },
                { paragraph, start: close, end: close + 2, text: "" },
              ],
            },
          });
          from = close + 2;
          continue;
        }
      }
    } else if (g.wait !== undefined) {
      kind = "wait";
    } else if (g.liu !== undefined) {
      const inner = m[0].slice(1, -1).trim();
      // 〔2024〕〔24〕 (document numbers — the docno rule checks them), 〔清〕〔英〕
      if (ALL_DIGITS.test(inner)) continue;
      if (inner.length === 1) continue;
      kind = inner ? "liu" : "empty";
      if (inner) message = `“${m[0]}”是模板中未填写的内容，请填入具体的${inner.replace(FILL_VERB, "")}`;
    } else if (g.empty !== undefined) {
      // main() in code; a blank in a form
      if ((m[0][0] === "(" && isAsciiAlnum(prevCode)) || isForm()) continue;
      kind = "empty";
    } else if (g.phrase !== undefined) {
      kind = "phrase";
    } else if (g.moumou !== undefined) {
      // 王某某 is an anonymised name
      if (start > 0 && SURNAMES.has(text[start - 1])) continue;
      kind = "moumou";
    }

    if (isInstructional(text, start)) continue;

    const shown = text.slice(start, end);
    if (!message) {
      if (kind === "empty") message = `“${shown}”括号内为空，疑为未填写的内容，请补全或删去`;
      else if (kind === "wait" || kind === "phrase") message = `“${shown}”是未完成的待填标记，请填入${hint(text, start, end, kind)}`;
      else message = `“${shown}”是未填写的占位符，请填入${hint(text, start, end, kind)}`;
    }
    // A template blank 〔会议名称〕 or a 【待定】 mark is certainly unfinished: an error, so a
    // half-filled skeleton cannot pass the check. XX, ×× and the like stay warnings (they have
    // legitimate uses that the guards above may miss).
    const messageId = MESSAGE_ID[kind] ?? "other";
    if (kind === "liu" || kind === "wait") ctx.report({ paragraph, start, end, message, messageId, severity: "error" });
    else ctx.report({ paragraph, start, end, message, messageId });
  }
}

/** The kinds of blank, as stable check ids (a unit may switch one off, e.g. "placeholder/anonymous"). */
const MESSAGE_ID: Record<string, string> = {
  year: "year",
  xs: "letters",
  times: "crosses",
  single: "single-letter",
  under: "underline",
  star: "stars",
  liu: "template-blank",
  wait: "pending-mark",
  empty: "empty-brackets",
  phrase: "fill-in-phrase",
  moumou: "anonymous",
};

export const placeholder: Rule = {
  id: "placeholder",
  category: "placeholder",
  severity: "warning",
  title: "未填写的占位符",
  description: "检查稿件中遗留的“XX”“××”“20xx年”“X月X日”“＿＿”“**”“【待定】”“〔会议名称〕”、空括号和“某某”等未填内容。",
  fixable: true,
  messages: {
    year: "“20xx年”等未填的年份",
    letters: "“XX”等字母占位",
    crosses: "“××”等占位",
    "single-letter": "“X月X日”等单个字母占位",
    underline: "“＿＿”等下划线空位",
    stars: "“**”等星号占位",
    "markdown-bold": "Markdown 加粗标记“**…**”",
    "template-blank": "模板中未填的〔〕内容",
    "pending-mark": "“【待定】”等待填标记",
    "empty-brackets": "空括号",
    "fill-in-phrase": "“此处填写”等提示语",
    anonymous: "“某某”等未填的名称",
    other: "其他占位符",
  },
  source: "公文审核要求（《党政机关公文处理工作条例》第二十条）；rules-catalog §6 E.PLACEHOLDER",
  check(ctx) {
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text && mayHoldCandidate(flags[i])) checkParagraph(ctx, summary, i, p.text, p.inTable === true);
    });
  },
};
