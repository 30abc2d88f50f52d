/** What the 大纲 tab knows about the draft after reading it: the outline and its numbering faults. */
import { check } from "../../core/engine";
import type { DocModel } from "../../core/model";
import { buildOutline, type Outline, type OutlineNode } from "../../core/numbering";
import { outlineNodes } from "../../core/outline/actions";
import type { Finding } from "../../core/findings";

/** The check's rules that concern the outline. */
export const OUTLINE_RULES = ["numbering-sequence", "numbering-hierarchy", "numbering-marker", "speech-count"];

export interface Draft {
  doc: DocModel;
  outline: Outline;
  /** The headings the tree shows, in document order. */
  nodes: OutlineNode[];
  /** Outline findings on heading paragraphs, by paragraph. */
  faults: Map<number, Finding[]>;
  /** Outline findings elsewhere (「下面，我讲三点意见」 with two parts, 一是 … 三是). */
  others: Finding[];
}

export function analyseDraft(doc: DocModel): Draft {
  const outline = buildOutline(doc);
  const nodes = outlineNodes(outline);
  const findings = check(doc, { only: OUTLINE_RULES });
  const faults = new Map<number, Finding[]>();
  const others: Finding[] = [];
  for (const f of findings) {
    if (outline.byParagraph.has(f.paragraph)) {
      const list = faults.get(f.paragraph);
      if (list) list.push(f);
      else faults.set(f.paragraph, [f]);
    } else others.push(f);
  }
  return { doc, outline, nodes, faults, others };
}

/** A heading as the tree shows it: its marker as written (or its list label) and its title. */
export function nodeLabel(doc: DocModel, node: OutlineNode, max = 40): string {
  const p = doc.paragraphs[node.paragraph];
  const marker = node.marker.fromLabel ? (p?.listLabel ?? node.marker.raw).trim() : node.marker.raw.trim();
  const label = marker + node.title;
  return label.length > max ? label.slice(0, max - 1) + "…" : label;
}
