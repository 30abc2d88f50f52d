/**
 * Which 文稿类型 a draft reads as, so that a clerk who opens a 公文 is not first checked against
 * the speech rules (and the other way round). Only a suggestion for when the clerk has not chosen:
 * a choice the clerk made always wins.
 *
 * The evidence is what GB/T 9704 puts only in a 公文 — a 发文字号, a 主送机关 line, a 版记
 * (抄送/印发), a 版头 (份号, 密级, 紧急程度, 签发人), a 成文日期 under a 署名 — against what only a
 * speech has: a 称谓 line (同志们：), 讲话 / 发言 in the title, a closing 谢谢大家. One strong sign
 * settles it; with none either way the draft stays a speech (the add-in's first use).
 */
import type { DocModel } from "./model";
import { findElements } from "./format/elements";
import { buildOutline } from "./numbering/outline";
import type { Outline } from "./numbering/types";

export type GuessedProfile = "speech" | "gongwen";

export interface ProfileGuess {
  profile: GuessedProfile;
  /** Why, in a few Chinese words for the pane (「文中有发文字号」); absent when nothing told. */
  reason?: string;
}

/** A speech title: 在……上的讲话 / 发言 / 致辞 / 讲话提纲. */
const SPEECH_TITLE = /(讲话|发言|致辞|讲话提纲|动员讲话|主持词|报告会)(稿|提纲)?[）)]?$/;
/** 公文 titles name their kind last: 关于……的通知 / 意见 / 请示 / 报告 / 批复 / 函 / 决定 / 通报 / 纪要. */
const GONGWEN_TITLE = /^关于.{2,80}的(通知|意见|请示|报告|批复|函|决定|通报|纪要|公告|通告|决议|命令|议案|方案|办法|规定)$/;
const THANKS = /^谢谢(大家|各位)?[！!。.]?$/;
/** The closing formulas of 公文 (特此通知。 妥否，请批示。). */
const GONGWEN_CLOSING = /^(特此(通知|通报|函告|函复|批复|公告|通告|报告)|妥否，?请批示|当否，?请批示|以上(报告|意见)，?请审阅|以上意见如无不妥，?请批转.{0,20}执行)[。！]?$/;

/** How many paragraphs from the top and from the end the speech signs are looked for in. */
const WINDOW = 15;

export function guessProfile(doc: DocModel, outline: Outline = buildOutline(doc)): ProfileGuess {
  const paras = doc.paragraphs;
  const title = outline.title !== undefined ? paras[outline.title]?.text.replace(/[\s\u3000]/g, "") : undefined;

  // Speech signs first: a 称谓 line is never part of a 公文.
  if (outline.salutation !== undefined) return { profile: "speech", reason: "文中有“同志们”之类的称谓" };
  if (title && SPEECH_TITLE.test(title)) return { profile: "speech", reason: "标题是讲话稿" };
  let closing = false;
  for (let i = Math.max(0, paras.length - WINDOW); i < paras.length; i++) {
    const t = paras[i].text.trim();
    if (THANKS.test(t)) return { profile: "speech", reason: "结尾有“谢谢大家”" };
    if (GONGWEN_CLOSING.test(t)) closing = true;
  }

  const els = findElements(doc, outline);
  const roles = new Set(els.byParagraph.values());
  if (roles.has("docNo")) return { profile: "gongwen", reason: "文中有发文字号" };
  if (roles.has("copyTo") || roles.has("printer")) return { profile: "gongwen", reason: "文末有版记（抄送、印发）" };
  if (roles.has("issuer") || roles.has("secret") || roles.has("urgency") || roles.has("signer")) return { profile: "gongwen", reason: "文首有版头" };
  if (els.recipient !== undefined && (roles.has("date") || (title !== undefined && GONGWEN_TITLE.test(title)))) {
    return { profile: "gongwen", reason: "有主送机关和公文标题或成文日期" };
  }
  const gongwenTitle = title !== undefined && GONGWEN_TITLE.test(title);
  if (gongwenTitle && (roles.has("date") || closing)) return { profile: "gongwen", reason: "公文标题和结尾" };
  if (closing) return { profile: "gongwen", reason: "结尾是“特此通知”之类的公文用语" };
  return { profile: "speech" };
}
