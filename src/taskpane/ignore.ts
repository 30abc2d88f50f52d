/**
 * Keys for ignored findings, saved in the document state: "rule|paragraph text hash|start|excerpt".
 * The paragraph text hash keeps an ignore attached to the paragraph as written, so it survives
 * paragraphs being added above it but not a rewrite of the paragraph itself.
 */
import type { DocumentState } from "../core/host";
import type { Finding } from "../core/findings";

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function findingKey(f: Finding, paragraphText: string): string {
  return `${f.rule}|${textHash(paragraphText)}|${f.start}|${f.excerpt}`;
}

export const EMPTY_STATE: DocumentState = { ignoredFindings: [], ignoredRules: [] };

/**
 * What 忽略此规则 stores: the rule id, or "rule/messageId" for one check of a rule (the same key a
 * unit config uses to switch that check off).
 */
export function checkKey(f: Finding): string {
  return f.messageId === undefined ? f.rule : `${f.rule}/${f.messageId}`;
}

/** The findings not ignored by `state`; `texts` are the paragraph texts the findings were made on. */
export function visibleFindings(findings: Finding[], texts: Record<number, string>, state: DocumentState): Finding[] {
  const rules = new Set(state.ignoredRules);
  const keys = new Set(state.ignoredFindings);
  return findings.filter(
    (f) => !rules.has(f.rule) && !(f.messageId !== undefined && rules.has(checkKey(f))) && !keys.has(findingKey(f, texts[f.paragraph] ?? "")),
  );
}
