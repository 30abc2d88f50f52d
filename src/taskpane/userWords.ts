/**
 * The 用户词典 of the 检查 tab: words (place and people's names, local terms) that the typo checks
 * never flag. 加入词典 on a typo finding adds one; the list under 用户词典 shows and removes them.
 *
 * Kept in the pane's storage (the KeyValueStore over localStorage, like 我的提示语), not in the
 * document next to the ignore list. Such words belong to the clerk and the unit, not to one draft:
 * a name added once must stay quiet in every later draft, and a dictionary saved inside a document
 * would travel to whoever receives it and be missing from the next draft. The price is that it
 * stays on this computer; a unit shares its words through the unit config's "words" key, which the
 * check merges with these (profile.words).
 */
import type { Profile } from "../core/profiles";
import type { Finding } from "../core/findings";
import type { KeyValueStore } from "./phrases/store";

export const USER_WORDS_KEY = "check.words";
/** The unit config allows words of at most 50 characters (core/profiles.ts); the same here. */
export const MAX_WORD_CHARS = 50;
/**
 * Far more than a clerk adds by hand. It bounds the cost of hiding findings here and of each check:
 * the spelling rule looks every word up in every paragraph, so the time grows with words × text.
 */
export const MAX_USER_WORDS = 1000;

/** The stored words, cleaned (trimmed, non-empty, no duplicates); anything unreadable is dropped. */
export function loadUserWords(store: KeyValueStore): string[] {
  const raw = store.get(USER_WORDS_KEY);
  if (raw === undefined) return [];
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of v) {
    if (typeof x !== "string") continue;
    const w = x.trim();
    if (wordProblem(w) !== undefined || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
    if (out.length >= MAX_USER_WORDS) break;
  }
  return out;
}

export function saveUserWords(store: KeyValueStore, words: readonly string[]): void {
  if (words.length === 0) store.remove(USER_WORDS_KEY);
  else store.set(USER_WORDS_KEY, JSON.stringify(words));
}

/** Why a word cannot go into the dictionary, in plain Chinese; undefined when it can. */
export function wordProblem(word: string): string | undefined {
  const w = word.trim();
  if (w.length === 0) return "请填写要加入词典的词。";
  const n = [...w].length;
  if (n > MAX_WORD_CHARS) return `词语不能超过 ${MAX_WORD_CHARS} 个字（现在 ${n} 个字）。`;
  if (/[\s\u200b-\u200d\ufeff]/.test(w)) return "词语中不能有空格或换行。";
  return undefined;
}

/** The list with `word` added (trimmed; kept in the order added, no duplicates). */
export function addUserWord(words: readonly string[], word: string): string[] {
  const w = word.trim();
  return words.includes(w) ? [...words] : [...words, w];
}

export function removeUserWord(words: readonly string[], word: string): string[] {
  return words.filter((w) => w !== word);
}

/** The profile the check runs with: the unit's words and the pane's, once each. */
export function withUserWords(profile: Profile, words: readonly string[]): Profile {
  if (words.length === 0) return profile;
  return { ...profile, words: [...new Set([...profile.words, ...words])] };
}

/**
 * Whether a typo finding touches an occurrence of one of the words in its paragraph: the same test
 * the spelling check applies to profile.words (a span inside a user word is never flagged), so the
 * pane hides at once what the next check will not report, and also what a typo rule reports that
 * does not read the dictionary itself. Only the text around the finding is searched.
 */
export function onUserWord(f: Finding, text: string, words: readonly string[]): boolean {
  if (f.category !== "typo" || words.length === 0) return false;
  const start = f.start;
  const end = Math.max(f.end, f.start + 1);
  for (const w of words) {
    if (!w) continue;
    const from = Math.max(0, start - w.length + 1);
    // Any occurrence that overlaps [start, end) begins in [from, end).
    const k = text.slice(from, end + w.length - 1).indexOf(w);
    if (k >= 0 && from + k < end) return true;
  }
  return false;
}

/** The findings not on a user word; `texts` are the paragraph texts the findings were made on. */
export function withoutUserWords(findings: Finding[], texts: Record<number, string>, words: readonly string[]): Finding[] {
  if (words.length === 0) return findings;
  return findings.filter((f) => !onUserWord(f, texts[f.paragraph] ?? "", words));
}

const QUOTED = /“([^“”]{1,50})”/g;

/**
 * What 加入词典 offers to add for a finding: the flagged text, or — when the finding's message quotes
 * a longer stretch of the paragraph that contains it (“大数局”疑为… on the one character 局) — that
 * stretch, since adding a single character would silence it everywhere. The clerk can edit it.
 */
export function suggestedWord(f: Finding, text: string): string {
  const flagged = f.end > f.start && f.end <= text.length ? text.slice(f.start, f.end) : f.excerpt.replace(/…$/, "");
  for (const m of f.message.matchAll(QUOTED)) {
    const q = m[1];
    if (q.length <= flagged.length || !q.includes(flagged)) continue;
    // The quoted stretch must stand in the text around the finding, covering it.
    const from = Math.max(0, f.end - q.length);
    const k = text.slice(from, f.start + q.length).indexOf(q);
    if (k >= 0 && from + k <= f.start && from + k + q.length >= f.end) return q;
  }
  return flagged.trim();
}
