/**
 * punctuation-repeat: stacked 点号 (。。 ，。 、，), a 点号 left after a 省略号 (……。), and a
 * 省略号 used together with 等 (GB/T 15834-2011 4.1–4.7, 4.11). The shapes of 省略号, 破折号 and
 * 连接号 are the punctuation-form rule's business.
 */
import { isChineseStop, nextMarked } from "../../text/chars";
import { ADJ_STOPS, ELLIPSIS as HAS_ELLIPSIS, paragraphFlags } from "../../text/summary";
import type { Fix, Rule, Severity } from "../types";

const QUESTION = 0xff1f;
const EXCLAIM = 0xff01;
const PERIOD = 0x3002;
const ELLIPSIS = 0x2026;
const DENG = 0x7b49; // 等

/** Marks this rule looks at: 2 for the 点号 (a run needs two), 1 for the 省略号. */
const STOP = 2;
const MARKS = new Uint8Array(0x10000);
for (const ch of "，。、；：？！") MARKS[ch.charCodeAt(0)] = STOP;
MARKS[ELLIPSIS] = 1;

const MESSAGES = {
  "stacked-stops": "点号叠用",
  "stop-after-ellipsis": "省略号后多余的点号",
  "ellipsis-with-deng": "省略号与“等”连用",
} as const;
type MessageId = keyof typeof MESSAGES;

export const punctuationRepeat: Rule = {
  id: "punctuation-repeat",
  category: "punctuation.repeat",
  severity: "error",
  title: "标点重复",
  description: "点号不能叠用（“。。”“，。”）；省略号后不再用句号、逗号等点号；省略号不与“等”“等等”连用。",
  source: "GB/T 15834-2011 4.1–4.7、4.11",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const paras = ctx.doc.paragraphs;
    const flags = paragraphFlags(ctx.doc, ctx.outline);
    for (let pi = 0; pi < paras.length; pi++) {
      // No 省略号 and no two 点号 in a row: nothing to report.
      if ((flags[pi] & (HAS_ELLIPSIS | ADJ_STOPS)) === 0) continue;
      const p = paras[pi];
      const text = p.text;
      const n = text.length;
      const report = (start: number, end: number, messageId: MessageId, message: string, fix?: { description: string; text: string; start?: number; end?: number }, severity?: Severity): void => {
        const f: Fix | undefined = fix && {
          description: fix.description,
          text: [{ paragraph: p.index, start: fix.start ?? start, end: fix.end ?? end, text: fix.text }],
        };
        ctx.report({ paragraph: p.index, start, end, messageId, message, ...(f ? { fix: f } : {}), ...(severity ? { severity } : {}) });
      };

      let i = 0;
      while (i < n) {
        // Characters no step below acts on, and single 点号, are passed over at once.
        i = nextMarked(text, i, MARKS);
        if (i >= n) break;
        const c = text.charCodeAt(i);
        if (MARKS[c] === STOP && !isChineseStop(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }

        // 点号: runs of two or more
        if (isChineseStop(c)) {
          let e = i + 1;
          while (e < n && isChineseStop(text.charCodeAt(e))) e++;
          const run = text.slice(i, e);
          let allPeriod = true;
          let allStrong = true;
          for (let k = i; k < e; k++) {
            const d = text.charCodeAt(k);
            if (d !== PERIOD) allPeriod = false;
            if (d !== QUESTION && d !== EXCLAIM) allStrong = false;
          }
          // 。。。 stands for a 省略号 (punctuation-form); ？！ and ！！ mark strong feeling (4.2, 4.3)
          if (!(allPeriod && e - i >= 3) && !allStrong) {
            let keep: string | undefined;
            if (run.split("").every((ch) => ch === run[0])) keep = run[0];
            else if (run.includes("？")) keep = "？";
            else if (run.includes("！")) keep = "！";
            else if (run.includes("。")) keep = "。";
            report(i, e, "stacked-stops", `标点重复：“${run}”叠用了点号`, keep ? { description: `只保留“${keep}”`, text: keep } : undefined);
          }
          i = e;
          continue;
        }

        // 省略号 "……"
        let e = i + 1;
        while (e < n && text.charCodeAt(e) === ELLIPSIS) e++;
        if ((e - i) % 2 === 0) {
          if (e < n && text.charCodeAt(e) === DENG) {
            // ……等 / ……等等
            report(i, e + (text.charCodeAt(e + 1) === DENG ? 2 : 1), "ellipsis-with-deng", "省略号不能与“等”“等等”同时使用", { description: "删去省略号", text: "", start: i, end: e }, "warning");
          } else if (i > 0 && text.charCodeAt(i - 1) === DENG) {
            // 等…… / 等等……
            const s = i > 1 && text.charCodeAt(i - 2) === DENG ? i - 2 : i - 1;
            report(s, e, "ellipsis-with-deng", "省略号不能与“等”“等等”同时使用", { description: "删去省略号", text: "", start: i, end: e }, "warning");
          }
        }
        // ……。 ……， : the 省略号 ends the clause itself; a ？ or ！ may stay to show the tone
        if (e < n && isChineseStop(text.charCodeAt(e))) {
          let f = e;
          let strong = false;
          while (f < n && isChineseStop(text.charCodeAt(f))) {
            const d = text.charCodeAt(f);
            if (d === QUESTION || d === EXCLAIM) strong = true;
            f++;
          }
          if (!strong) {
            const run = text.slice(e, f);
            const isPeriod = run === "。";
            report(e, f, "stop-after-ellipsis", `省略号后不再用“${run}”`, { description: `删去“${run}”`, text: "" }, isPeriod ? undefined : "warning");
            i = f;
            continue;
          }
        }
        i = e;
      }
    }
  },
};
