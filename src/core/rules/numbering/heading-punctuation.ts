import type { OutlineNode } from "../../numbering/types";
import type { Fix, Rule } from "../types";
import { outlineIndex } from "../../numbering/groups";
import { shapesOf } from "./shared";

/** Marks that never end a heading line. */
const BAD_END = "：:，,；;、";
/** Marks a title must not end with (GB/T 15834 B.4); ？ and ！ may end a rhetorical title. */
const TITLE_BAD_END = "。：:，,；;、";
/** With no other heading to compare with, only a short heading ending in 。 is noted (as info). */
const SHORT_HEADING = 20;
const LIST_ITEM_LIMIT = 30;
const INNER = "，,；;。";
/** A sibling ending in one of these is an item of a list written as one sentence. */
const LIST_END = "；;，,";

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  for (let c = text.charCodeAt(i); i >= 0 && (c === 0x20 || c === 0x3000 || c === 0x09); c = text.charCodeAt(--i));
  return i;
}

/** BAD_END by char code: a heading is looked at by its last character, which is seldom a mark. */
function isBadEnd(c: number): boolean {
  return c === 0xff1a || c === 0x3a || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x3001;
}

function hasInner(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (INNER.includes(text[k])) return true;
  return false;
}

function removeFix(paragraph: number, at: number, mark: string): Fix {
  return { description: `删去句末的“${mark}”`, text: [{ paragraph, start: at, end: at + 1, text: "" }] };
}

/** A heading on a line of its own, with its text after the marker (empty headings excluded). */
function isStandalone(h: OutlineNode): boolean {
  return !h.merged && h.standalone;
}

export const headingPunctuation: Rule = {
  id: "heading-punctuation",
  category: "heading.punctuation",
  severity: "warning",
  title: "标题末尾标点",
  description: "单独成行的标题末尾不用“：”“，”“；”“、”；同级标题都不加句号时，个别标题末尾的“。”应删去；文件标题末尾不加标点",
  source: "GB/T 15834-2011 附录B.4（标题末尾通常不用标点）；政府工作报告等整句式标题同级统一加“。”",
  fixable: true,
  messages: {
    "heading-end-punct": "标题末尾用了冒号、逗号、分号或顿号",
    "heading-full-stop": "标题末尾的句号与同级标题不一致",
    "title-end-punct": "文件标题末尾加了标点",
  },
  check(ctx) {
    const { outline, doc } = ctx;
    /** Where the last visible character of a standalone heading is, and whether it is 。. */
    const endAt = new Map<OutlineNode, number>();
    const endsInStop = (h: OutlineNode): boolean => {
      let at = endAt.get(h);
      if (at === undefined) endAt.set(h, (at = lastNonSpace(doc.paragraphs[h.paragraph].text)));
      return at >= 0 && doc.paragraphs[h.paragraph].text[at] === "。";
    };
    /**
     * 「（一）工作目标。」 among siblings without 。 is a slip; siblings that are full sentences all
     * ending in 。 (政府工作报告, trap 2) are a house style. The peers are the siblings; a lone heading
     * is compared with the other headings of its level, then with all headings.
     */
    // Worked out when the first heading ending in 。 asks: most drafts have none, and the maps hold
    // an entry per heading (100,000 entries for a pasted list of ① lines).
    let peers: { peersOf: Map<OutlineNode, OutlineNode[]>; levelPeers: Map<OutlineNode, OutlineNode[]>; allStandalone: OutlineNode[] } | undefined;
    const peerLists = (): NonNullable<typeof peers> => {
      if (peers) return peers;
      const peersOf = new Map<OutlineNode, OutlineNode[]>();
      // A run of 一、 nested in a 一、 section (reported by numbering-hierarchy) is its own group.
      const shapes = shapesOf(outline);
      const index = outlineIndex(outline);
      const groups = shapes.explained.size ? index.siblings.map((g) => g.filter((h) => !shapes.explained.has(h))) : index.siblings.slice();
      for (const r of shapes.nested) groups.push(r.run);
      for (const r of shapes.inverted) groups.push(r.run);
      for (const g of groups) {
        const s = g.filter(isStandalone);
        if (s.length > 1) for (const h of s) peersOf.set(h, s);
      }
      const levelPeers = new Map<OutlineNode, OutlineNode[]>();
      for (const list of index.levels.values()) {
        const s = list.filter(isStandalone);
        if (s.length > 1) for (const h of s) levelPeers.set(h, s);
      }
      return (peers = { peersOf, levelPeers, allStandalone: outline.headings.filter(isStandalone) });
    };
    /** How the members of one peer list end, counted once per list (lists can be long). */
    const tally = new Map<OutlineNode[], { stops: number; plain: number; list: boolean }>();
    const tallyOf = (peers: OutlineNode[]): { stops: number; plain: number; list: boolean } => {
      let t = tally.get(peers);
      if (t) return t;
      t = { stops: 0, plain: 0, list: false };
      for (const p of peers) {
        if (endsInStop(p)) t.stops++;
        else {
          const c = doc.paragraphs[p.paragraph].text[endAt.get(p)!];
          // 「1.…；」「2.…。」: a list in sentence form, where the last item rightly ends in 。.
          if (c !== undefined && LIST_END.includes(c)) t.list = true;
          t.plain++;
        }
      }
      tally.set(peers, t);
      return t;
    };
    const stopVerdict = (h: OutlineNode): "report" | "quiet" | "alone" => {
      const { peersOf, levelPeers, allStandalone } = peerLists();
      const list = peersOf.get(h) ?? levelPeers.get(h) ?? (allStandalone.length > 1 ? allStandalone : undefined);
      if (!list) return "alone";
      const t = tallyOf(list);
      if (t.list) return "quiet";
      // h itself ends in 。: compare the others.
      return t.stops - 1 < t.plain ? "report" : "quiet";
    };

    for (const h of outline.headings) {
      if (!isStandalone(h)) continue;
      const text = doc.paragraphs[h.paragraph].text;
      const from = h.marker.fromLabel ? 0 : h.marker.end;
      const at = lastNonSpace(text);
      if (at < from) continue;
      const code = text.charCodeAt(at);
      if (code !== 0x3002 && !isBadEnd(code)) continue;
      const mark = text[at];
      const body = at - from; // heading length without the end mark
      if (BAD_END.includes(mark)) {
        // 「（一）坚持党的领导，加强组织建设；」 is a list item in sentence form, not a heading.
        if (body > LIST_ITEM_LIMIT || hasInner(text, from, at)) continue;
        ctx.report({
          paragraph: h.paragraph,
          start: at,
          end: at + 1,
          messageId: "heading-end-punct",
          message: `单独成行的标题末尾不应加“${mark}”`,
          fix: removeFix(h.paragraph, at, mark),
        });
      } else if (mark === "。") {
        const verdict = stopVerdict(h);
        if (verdict === "quiet") continue;
        if (verdict === "alone") {
          // Nothing to compare with: only a short phrase-like heading is noted.
          if (body > SHORT_HEADING || hasInner(text, from, at)) continue;
          ctx.report({
            paragraph: h.paragraph,
            start: at,
            end: at + 1,
            messageId: "heading-full-stop",
            severity: "info",
            message: "单独成行的短标题末尾一般不加句号“。”",
            fix: removeFix(h.paragraph, at, mark),
          });
          continue;
        }
        ctx.report({
          paragraph: h.paragraph,
          start: at,
          end: at + 1,
          messageId: "heading-full-stop",
          message: "同级标题末尾都不加句号，这个标题末尾的“。”应删去",
          fix: removeFix(h.paragraph, at, mark),
        });
      }
    }
    if (outline.title !== undefined) {
      const p = doc.paragraphs[outline.title];
      const at = lastNonSpace(p.text);
      if (at >= 0 && TITLE_BAD_END.includes(p.text[at])) {
        ctx.report({
          paragraph: p.index,
          start: at,
          end: at + 1,
          messageId: "title-end-punct",
          message: `标题末尾不应加“${p.text[at]}”`,
          fix: removeFix(p.index, at, p.text[at]),
        });
      }
    }
  },
};
