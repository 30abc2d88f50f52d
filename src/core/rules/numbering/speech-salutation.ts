import type { Paragraph } from "../../model";
import { parseSalutation, type Salutation } from "../../numbering/outline";
import type { Rule, RuleContext, Severity } from "../types";

/** 称谓 problems are looked for among this many non-empty paragraphs from the top (title, subtitle, date, name, 称谓). */
const TOP = 10;

/**
 * A speech's title or subtitle: 「在全县工作会议上的讲话」「——在第十九次全国代表大会上的报告」
 * 「新春致辞」「动员讲话」. A title that merely names a speech (「关于学习…重要讲话精神的通知」) does
 * not end in one of these words, so it is not taken for one.
 */
const SPEECH_TITLE_AT = /^[—－-]{0,2}在.{1,60}(会|上|式|礼|坛|班|营)的?(讲话|致辞|致词|发言|报告|总结|动员|讲评|主持词)/;
const SPEECH_TITLE_END = /(讲话|致辞|致词|发言|动员讲话|动员报告|总结讲话|讲话稿|主持词)(（[^）]{0,12}）)?$/;
/** A published excerpt or an outline may leave the 称谓 out. */
const EXCERPT = /摘要|节选|摘编|提纲|要点/;
/** 交流发言 often opens straight with 「按照会议安排…」: only a hint there. */
const MILD_TITLE = /发言(（[^）]{0,12}）)?$/;

/** Body wording only a speech has: 「下面，我讲三点意见」「我讲几点意见」. */
const SPEECH_BODY = /下面[，,]?(我|再)[^。！？]{0,6}(讲|谈)|我(再|就|主要|简要|着重)?(讲|谈)(讲|谈)?(一下|以下|这样)?[两几二三四五六七八九十][点个条]/;
/** 「谢谢大家！」 at the end. */
const THANKS = /谢谢大家|谢谢各位|谢谢！/;
/** Paragraphs that open by addressing the audience: 「同志们，…」. */
const ADDRESS = /^\s*同志们[，,！!：:]/;

/** A greeting written into the 称谓 words: 「各位来宾大家好」. */
const GREETING_END = /(大家|你们|各位)?(上午|下午|晚上)?好$/;

interface Evidence {
  /** True when the text reads as a speech (title, 「下面我讲…」, 「同志们，」 openings, 「谢谢大家」). */
  speech: boolean;
  /** How sure: a 交流发言 title or a closing 「谢谢大家」 alone is only a hint. */
  severity: Severity;
}

function speechEvidence(top: Paragraph[], paragraphs: Paragraph[]): Evidence {
  let titled = false;
  let mild = false;
  for (const p of top.slice(0, 6)) {
    const t = p.text.trim();
    if (t.length > 80 || /[。！？]/.test(t)) continue;
    if (EXCERPT.test(t) && (SPEECH_TITLE_AT.test(t) || SPEECH_TITLE_END.test(t))) return { speech: false, severity: "info" };
    if (SPEECH_TITLE_AT.test(t) || SPEECH_TITLE_END.test(t)) {
      if (MILD_TITLE.test(t)) mild = true;
      else titled = true;
    }
  }
  if (titled) return { speech: true, severity: "warning" };
  let body = false;
  for (const p of paragraphs) {
    if (p.inTable) continue;
    if (ADDRESS.test(p.text) || SPEECH_BODY.test(p.text)) {
      body = true;
      break;
    }
  }
  if (body) return { speech: true, severity: "warning" };
  // 「谢谢大家！」 among the last few lines.
  let seen = 0;
  for (let k = paragraphs.length - 1; k >= 0 && seen < 3; k--) {
    const t = paragraphs[k].text.trim();
    if (!t) continue;
    seen++;
    if (THANKS.test(t)) return { speech: true, severity: "info" };
  }
  return { speech: mild, severity: "info" };
}

/** The text of a 称谓 finding's words. */
function wordsOf(p: Paragraph, s: Salutation): string {
  return p.text.slice(s.start, s.end);
}

export const speechSalutation: Rule = {
  id: "speech-salutation",
  category: "structure.speech",
  severity: "warning",
  title: "讲话稿称谓不规范",
  description: "讲话稿开头应有称谓（“同志们：”“各位领导、同志们：”），单独成行，后用全角冒号",
  source: "GB/T 15834-2011 4.7（冒号用于称谓语之后）；《党政机关公文格式》GB/T 9704-2012 7.3.1（主送机关后标全角冒号）",
  fixable: true,
  messages: {
    "missing-salutation": "讲话稿开头缺少称谓",
    "salutation-run-in": "称谓未单独成行",
    "salutation-halfwidth-colon": "称谓后用了半角冒号",
    "salutation-comma": "称谓后用了逗号",
    "salutation-no-colon": "称谓后缺少冒号",
    "salutation-exclamation": "称谓后用了感叹号",
    "salutation-wrong-punct": "称谓后用了分号、句号或顿号",
  },
  check(ctx) {
    const { doc, outline } = ctx;
    const firstHeading = outline.headings.length ? outline.headings[0].paragraph : Infinity;
    const top: Paragraph[] = [];
    for (const p of doc.paragraphs) {
      if (p.index >= firstHeading || top.length >= TOP) break;
      if (p.text.trim() && !p.inTable) top.push(p);
    }
    let first = -1;
    let s: Salutation | null = null;
    for (let k = 0; k < top.length; k++) {
      s = parseSalutation(top[k].text);
      if (s) {
        first = k;
        break;
      }
    }
    if (!s) {
      reportMissing(ctx, top);
      return;
    }
    // Several 称谓 lines stacked (「尊敬的张书记，」「各位来宾：」): the last one carries the colon.
    let k = first;
    while (k + 1 < top.length && s.alone && s.punct !== ":" && s.punct !== "：") {
      const next = parseSalutation(top[k + 1].text);
      if (!next) break;
      k++;
      s = next;
    }
    checkSalutation(ctx, top[k], s, top);
  },
};

function reportMissing(ctx: RuleContext, top: Paragraph[]): void {
  if (!top.length) return;
  const ev = speechEvidence(top, ctx.doc.paragraphs);
  if (!ev.speech) return;
  // Where the 称谓 belongs: before the first paragraph of running text after the title lines.
  const at = top.find((p) => p.index !== ctx.outline.title && /[。！？]/.test(p.text)) ?? top[0];
  ctx.report({
    paragraph: at.index,
    start: 0,
    end: 0,
    messageId: "missing-salutation",
    ...(ev.severity !== "warning" ? { severity: ev.severity } : {}),
    message: "这篇讲话稿开头缺少称谓，应在正文前单独一行写明称谓并加全角冒号，如“同志们：”“各位领导、同志们：”",
  });
}

function checkSalutation(ctx: RuleContext, p: Paragraph, s: Salutation, top: Paragraph[]): void {
  const words = wordsOf(p, s);
  const i = p.index;
  // 「各位来宾大家好！」: the greeting is taken for part of the 称谓 words.
  const g = GREETING_END.exec(words);
  if (g && g.index > 0) {
    ctx.report({
      paragraph: i,
      start: s.start,
      end: s.end + s.punct.length,
      messageId: "salutation-run-in",
      message: `称谓与问候语连在了一起，应把称谓“${words.slice(0, g.index).replace(/[，,、]$/, "")}”单独一行并加全角冒号“：”，问候语“${g[0]}”另起一段`,
    });
    return;
  }
  if (s.alone) {
    const colonAt = s.end;
    if (s.punct === ":") {
      ctx.report({
        paragraph: i,
        start: colonAt,
        end: colonAt + 1,
        messageId: "salutation-halfwidth-colon",
        message: `称谓“${words}”后应用全角冒号“：”，这里是半角冒号“:”`,
        fix: { description: "改为全角冒号“：”", text: [{ paragraph: i, start: colonAt, end: colonAt + 1, text: "：" }] },
      });
    } else if (s.punct === "，" || s.punct === ",") {
      ctx.report({
        paragraph: i,
        start: colonAt,
        end: colonAt + 1,
        messageId: "salutation-comma",
        message: `称谓“${words}”单独成行时后面应用全角冒号“：”，不用逗号`,
        fix: { description: "改为全角冒号“：”", text: [{ paragraph: i, start: colonAt, end: colonAt + 1, text: "：" }] },
      });
    } else if (s.punct === "！" || s.punct === "!") {
      // 「同志们！」 was the usage of older reports (1969–1978); today the 称谓 line takes 「：」.
      ctx.report({
        paragraph: i,
        start: colonAt,
        end: colonAt + 1,
        messageId: "salutation-exclamation",
        severity: "info",
        message: `称谓“${words}”后现在通常用全角冒号“：”，不用感叹号`,
        fix: { description: "改为全角冒号“：”", text: [{ paragraph: i, start: colonAt, end: colonAt + 1, text: "：" }] },
      });
    } else if (s.punct !== "" && "；;。.、".includes(s.punct)) {
      ctx.report({
        paragraph: i,
        start: colonAt,
        end: colonAt + 1,
        messageId: "salutation-wrong-punct",
        message: `称谓“${words}”后应用全角冒号“：”，不用“${s.punct}”`,
        fix: { description: "改为全角冒号“：”", text: [{ paragraph: i, start: colonAt, end: colonAt + 1, text: "：" }] },
      });
    } else if (s.punct === "") {
      // 「同志们 ：」 (a space before the colon) is the white-space rule's to report.
      if (/[：:]/.test(p.text.slice(s.end))) return;
      ctx.report({
        paragraph: i,
        start: s.start,
        end: s.end,
        messageId: "salutation-no-colon",
        message: `称谓“${words}”后缺少全角冒号“：”`,
        fix: { description: "补上全角冒号“：”", text: [{ paragraph: i, start: s.end, end: s.end, text: "：" }] },
      });
    }
    return;
  }
  // The 称谓 runs straight into the first sentence: 「同志们：今天…」 「同志们，今天…」.
  if (s.punct === "" && /^[\s\u3000]*[：:][\s\u3000]*$/.test(p.text.slice(s.end))) return;
  // Only when it opens the speech: the first paragraph of running text. Later 「同志们，」 openings are fine.
  const opening = top.find((x) => x.index !== ctx.outline.title && (/[。！？]/.test(x.text) || x.text.length > 50));
  if (opening !== p) {
    // The first 称谓 is a later 「同志们，…」 inside the opening: the speech has no 称谓 line.
    if (opening && opening.index < p.index) reportMissing(ctx, top);
    return;
  }
  const colon = s.punct === "：";
  ctx.report({
    paragraph: i,
    start: s.start,
    end: s.end + s.punct.length,
    messageId: "salutation-run-in",
    message: `开头称谓“${words}”应单独成行${colon ? "" : "并改用全角冒号“：”"}，正文另起一段`,
  });
}
