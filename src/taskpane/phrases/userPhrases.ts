/**
 * The clerk's own phrases (我的提示语) and favourites: how they are kept in the store, and the
 * JSON file they are exported to and imported from. Import is checked strictly and says in plain
 * Chinese which item is wrong and why.
 */
import { DOMAINS, PHRASE_KINDS, THEMES, type Domain, type PhraseEntry, type PhraseKind, type Theme } from "../../core/phrases/types";
import type { KeyValueStore } from "./store";

export const FAVOURITES_KEY = "phrases.favourites";
export const USER_PHRASES_KEY = "phrases.mine";
/** The domain (领域) last chosen in the tab; absent = 全部. */
export const DOMAIN_KEY = "phrases.domain";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_USER_PHRASES = 2000;
export const MAX_TEXT_CHARS = 200;
export const MAX_THEMES = 3;

/** A user phrase: a PhraseEntry whose id starts with "u-". */
export type UserPhrase = PhraseEntry;

/** What an exported file holds, one object per phrase. */
export interface ExportedPhrase {
  text: string;
  kind: PhraseKind;
  themes: Theme[];
  level?: 1 | 2 | 3;
}

const isKind = (k: unknown): k is PhraseKind => typeof k === "string" && (PHRASE_KINDS as readonly string[]).includes(k);
const isTheme = (t: unknown): t is Theme => typeof t === "string" && (THEMES as readonly string[]).includes(t);
const isLevel = (l: unknown): l is 1 | 2 | 3 => l === 1 || l === 2 || l === 3;

export const isUserPhrase = (e: PhraseEntry): boolean => e.id.startsWith("u-");

let counter = 0;
/** A fresh id for a user phrase, unique within the page and across sessions (time-based). */
export function newUserPhraseId(): string {
  counter = (counter + 1) % 1_000_000;
  return `u-${Date.now().toString(36)}-${counter.toString(36)}`;
}

/** The phrase's text, kind, themes and level in canonical form (level only for 标题). */
export function makeUserPhrase(p: ExportedPhrase, id = newUserPhraseId()): UserPhrase {
  const themes = THEMES.filter((t) => p.themes.includes(t));
  return { id, text: p.text.trim(), kind: p.kind, themes, ...(p.kind === "标题" && p.level ? { level: p.level } : {}) };
}

/** Why a phrase typed in the form cannot be saved, and which field is at fault; undefined when it can. */
export function phraseProblem(p: { text: string; themes: readonly string[] }): { field: "text" | "themes"; message: string } | undefined {
  const n = [...p.text.trim()].length;
  if (n === 0) return { field: "text", message: "请填写提示语文字。" };
  if (n > MAX_TEXT_CHARS) return { field: "text", message: `提示语不能超过 ${MAX_TEXT_CHARS} 个字（现在 ${n} 个字）。` };
  if (p.themes.length === 0) return { field: "themes", message: "请至少选择一个主题。" };
  if (p.themes.length > MAX_THEMES) return { field: "themes", message: `主题最多选 ${MAX_THEMES} 个。` };
  return undefined;
}

function parseJson(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Favourite ids from the store (anything unreadable is dropped). */
export function loadFavourites(store: KeyValueStore): Set<string> {
  const v = parseJson(store.get(FAVOURITES_KEY));
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
}

export function saveFavourites(store: KeyValueStore, ids: ReadonlySet<string>): void {
  if (ids.size === 0) store.remove(FAVOURITES_KEY);
  else store.set(FAVOURITES_KEY, JSON.stringify([...ids]));
}

/** The user's phrases from the store; damaged items are skipped rather than losing the rest. */
export function loadUserPhrases(store: KeyValueStore): UserPhrase[] {
  const v = parseJson(store.get(USER_PHRASES_KEY));
  if (!Array.isArray(v)) return [];
  const out: UserPhrase[] = [];
  const seen = new Set<string>();
  for (const item of v) {
    if (typeof item !== "object" || item === null) continue;
    const o = item as Record<string, unknown>;
    if (typeof o.id !== "string" || !o.id.startsWith("u-") || seen.has(o.id)) continue;
    if (checkItem(o) !== undefined) continue;
    seen.add(o.id);
    out.push(makeUserPhrase(o as unknown as ExportedPhrase, o.id));
  }
  return out;
}

export function saveUserPhrases(store: KeyValueStore, phrases: readonly UserPhrase[]): void {
  if (phrases.length === 0) store.remove(USER_PHRASES_KEY);
  else store.set(USER_PHRASES_KEY, JSON.stringify(phrases));
}

/** The export file's content: a JSON array of {text, kind, themes, level?}. */
export function exportJson(phrases: readonly UserPhrase[]): string {
  const items: ExportedPhrase[] = phrases.map((p) => ({
    text: p.text,
    kind: p.kind,
    themes: [...p.themes],
    ...(p.level !== undefined ? { level: p.level } : {}),
  }));
  return JSON.stringify(items, null, 2) + "\n";
}

const QUOTE_MAX = 20;

/**
 * A value from the file as it may appear inside a message: strings only, shortened, so that an
 * odd value (an object whose toString is not a function, a deeply nested array, a megabyte of
 * text) can neither throw nor flood the pane.
 */
function quoted(v: unknown): string {
  if (v === null || typeof v === "number" || typeof v === "boolean") return `“${String(v)}”`;
  if (typeof v !== "string") return Array.isArray(v) ? "一个列表" : "一个对象";
  const chars = [...v.slice(0, QUOTE_MAX * 2)];
  return `“${chars.length > QUOTE_MAX ? chars.slice(0, QUOTE_MAX).join("") + "…" : chars.join("")}”`;
}

/** What is wrong with one item (without the 「导入失败：第 n 条」 prefix), or undefined. */
function checkItem(o: Record<string, unknown>): string | undefined {
  if (typeof o.text !== "string") {
    return Object.prototype.hasOwnProperty.call(o, "text") && o.text !== null ? "的“text”应是一段文字（现在是别的类型）" : "缺少“text”（提示语文字）";
  }
  const n = [...o.text.trim()].length;
  if (n === 0 || n > MAX_TEXT_CHARS) return `的“text”应为 1～${MAX_TEXT_CHARS} 个字（现在 ${n} 个字）`;
  if (!isKind(o.kind)) return "的“kind”不是可用的类型";
  if (!Array.isArray(o.themes) || o.themes.length === 0 || o.themes.length > MAX_THEMES) return `的“themes”应列出 1～${MAX_THEMES} 个主题`;
  const bad = o.themes.find((t) => !isTheme(t));
  if (bad !== undefined) return `的“themes”中${quoted(bad)}不是可用的主题`;
  if (new Set(o.themes).size !== o.themes.length) return "的“themes”有重复的主题";
  if (o.level !== undefined && !isLevel(o.level)) return "的“level”应为 1、2 或 3";
  return undefined;
}

export type ImportResult = { ok: true; phrases: ExportedPhrase[] } | { ok: false; error: string };

const KIND_HINT = `可用的类型：${PHRASE_KINDS.join("、")}。`;
const THEME_HINT = `可用的主题：${THEMES.join("、")}。`;

const fail = (error: string): ImportResult => ({ ok: false, error: `导入失败：${error}` });

/** Said when a file defeats every specific check: never an exception, never silence. */
export const IMPORT_UNREADABLE = "导入失败：无法识别这个文件的内容。请选择本加载项导出的 .json 文件。";

/**
 * Checks an import file (its size in bytes and its text) and returns its phrases or the first
 * problem. Never throws: whatever the file holds, the pane gets one sentence to show.
 */
export function parseImport(text: string, sizeBytes: number): ImportResult {
  try {
    return parseImportUnsafe(text, sizeBytes);
  } catch {
    return { ok: false, error: IMPORT_UNREADABLE };
  }
}

function parseImportUnsafe(text: string, sizeBytes: number): ImportResult {
  if (sizeBytes > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES) {
    return fail(`文件过大（${Math.ceil(Math.max(sizeBytes, text.length) / 1024)} KB），不能超过 1 MB（1024 KB）。`);
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fail("文件是空的。请选择本加载项导出的 .json 文件。");
  // A UTF-16 file read as UTF-8 starts with replacement characters and is full of NULs.
  if (body.charCodeAt(0) === 0xfffd || body.includes("\u0000")) return fail("文件不是 UTF-8 编码的文字。请选择本加载项导出的 .json 文件。");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return fail("文件不是有效的 JSON 格式。请选择本加载项导出的 .json 文件。");
  }
  if (data === null || typeof data !== "object") return fail("文件内容应是提示语列表（JSON 数组），而不是单个值。");
  if (!Array.isArray(data)) {
    return fail("文件内容应是提示语列表（JSON 数组），这里是一个对象。一条提示语也要放在 [ ] 中。");
  }
  if (data.length === 0) return fail("文件里没有提示语。");
  if (data.length > MAX_USER_PHRASES) return fail(`一次最多导入 ${MAX_USER_PHRASES} 条，这个文件有 ${data.length} 条。`);
  const phrases: ExportedPhrase[] = [];
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    const where = `第 ${i + 1} 条`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) return fail(`${where}不是一条提示语（应为 {"text", "kind", "themes"}）。`);
    const o = item as Record<string, unknown>;
    const problem = checkItem(o);
    if (problem !== undefined) {
      const hint = problem.includes("“kind”") ? KIND_HINT : problem.includes("“themes”中") ? THEME_HINT : "";
      return fail(`${where}${problem}。${hint}`);
    }
    const kind = o.kind as PhraseKind;
    phrases.push({
      text: (o.text as string).trim(),
      kind,
      themes: o.themes as Theme[],
      ...(kind === "标题" && isLevel(o.level) ? { level: o.level } : {}),
    });
  }
  return { ok: true, phrases };
}

/** Two phrases with this key are the same phrase (for skipping duplicates on import). */
export function normalizedKey(p: { text: string; kind: string }): string {
  return `${p.kind}|${p.text.replace(/\s+/g, "")}`;
}

/** The domain the clerk chose last time, when it is still one of DOMAINS (else undefined = 全部). */
export function loadDomain(store: KeyValueStore): Domain | undefined {
  let v: string | undefined;
  try {
    v = store.get(DOMAIN_KEY);
  } catch {
    return undefined;
  }
  return v !== undefined && (DOMAINS as readonly string[]).includes(v) ? (v as Domain) : undefined;
}

export function saveDomain(store: KeyValueStore, domain: Domain | undefined): void {
  if (domain === undefined) store.remove(DOMAIN_KEY);
  else store.set(DOMAIN_KEY, domain);
}
