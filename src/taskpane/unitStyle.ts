/**
 * 单位样式 in the pane: the unit's JSON config (the same file `biganzi check/format --config` takes,
 * validated by core's validateConfig), imported from a file on this computer and kept in the pane's
 * KeyValueStore. The pane-wide profile (profileContext.tsx) is then the chosen 文稿类型 with the
 * config applied, so 检查, 一键排版, inserted paragraphs and the 用户词典 all follow it.
 *
 * Kept in the pane's storage, not in the document, for the reason the 用户词典 is (userWords.ts): the
 * style belongs to the clerk's unit and holds for every draft on this computer.
 *
 * The config's "profile" is the 文稿类型 the pane switches to when the file is imported (and starts
 * with later); the clerk can still choose the other one, and the config's other settings then apply
 * to that. (The CLI lets the config's profile win over --profile; in the pane the clerk's choice is
 * made after the import, so it wins.)
 */
import { ConfigError, isProfileId, resolveProfile, validateConfig, type Profile, type UnitConfig } from "../core/profiles";
import type { RuleInfo } from "../core/ruleOptions";
import { ROLE_NAMES_ZH, type Role } from "../core/format/roleNames";
import type { KeyValueStore } from "./phrases/store";

export const UNIT_CONFIG_KEY = "unit.config";
/** The CLI's limit for a config file (src/cli/main.ts loadConfig). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The shown name: long file names are cut. */
const MAX_NAME_CHARS = 40;

export interface UnitStyle {
  /** What the pane calls it: the file's name without .json. */
  name: string;
  /** The validated config. */
  config: UnitConfig;
}

/** The name shown for a config file: its file name without the extension, trimmed and bounded. */
export function unitStyleName(fileName: string): string {
  const base = fileName.replace(/\.json$/i, "").trim();
  const chars = [...base];
  if (chars.length === 0) return "单位样式";
  return chars.length > MAX_NAME_CHARS ? chars.slice(0, MAX_NAME_CHARS - 1).join("") + "…" : base;
}

/**
 * A config file's text as a unit style; throws ConfigError with one Chinese sentence when the file
 * is empty, not JSON, or names a bad key or value (validateConfig's message, naming the key).
 * `rules`: the rules the pane runs (ids, checks and option schemas), as the CLI validates.
 */
export function parseUnitStyle(text: string, fileName: string, rules: ReadonlyArray<RuleInfo | string>): UnitStyle {
  const src = text.replace(/^\ufeff/, "");
  if (src.trim().length === 0) throw new ConfigError("文件是空的，请选择本单位的配置文件（.json）。");
  let raw: unknown;
  try {
    raw = JSON.parse(src);
  } catch {
    throw new ConfigError("文件不是有效的 JSON，请选择本单位的配置文件（.json），或用记事本检查其中的括号、引号和逗号。");
  }
  const config = validateConfig(raw, [...rules]);
  // resolveProfile must accept it too (it only throws for a profile validateConfig already refuses).
  resolveProfile(undefined, config);
  return { name: unitStyleName(fileName), config };
}

/** A rule id or "rule/check" key as a config may name one (kebab-case, like every rule id). */
const RULE_KEY = /^[a-z0-9-]{1,64}(?:\/[a-z0-9-]{1,64})?$/;

/**
 * The rule ids a stored config names, where well-formed: what it is checked against when read back.
 * The full rule list lives in the tabs' chunks, not in the pane's first script; the config was
 * checked against it when imported, and a malformed id here fails validation.
 */
function namedRules(config: unknown): string[] {
  if (typeof config !== "object" || config === null) return [];
  const out = new Set<string>();
  for (const key of ["rules", "ruleOptions"] as const) {
    const m = (config as Record<string, unknown>)[key];
    if (typeof m !== "object" || m === null || Array.isArray(m)) continue;
    for (const k of Object.keys(m)) if (RULE_KEY.test(k)) out.add(k.split("/")[0]);
  }
  return [...out];
}

export interface StoredUnitStyle {
  unit?: UnitStyle;
  /** Set when something is stored that cannot be used (damaged, or refused by this version). */
  problem?: string;
}

/** The stored unit style, checked again; never throws. */
export function loadUnitStyle(store: KeyValueStore | undefined): StoredUnitStyle {
  let raw: string | undefined;
  try {
    raw = store?.get(UNIT_CONFIG_KEY);
  } catch {
    return {};
  }
  if (raw === undefined) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) throw new ConfigError("保存的单位样式已损坏。");
    const { name, config } = v as Record<string, unknown>;
    const checked = validateConfig(config, namedRules(config));
    resolveProfile(undefined, checked);
    return { unit: { name: typeof name === "string" && name.trim() ? unitStyleName(name) : "单位样式", config: checked } };
  } catch (e) {
    const why = e instanceof ConfigError ? e.message : "保存的单位样式已损坏。";
    return { problem: `保存的单位样式无法使用（${why.replace(/。$/, "")}），现按内置规范检查和排版。请重新导入或移除。` };
  }
}

/** Keeps the unit style (or removes it); false when the store refused (full, unavailable). */
export function saveUnitStyle(store: KeyValueStore | undefined, unit: UnitStyle | undefined): boolean {
  if (!store) return false;
  try {
    if (unit) store.set(UNIT_CONFIG_KEY, JSON.stringify({ name: unit.name, config: unit.config }));
    else store.remove(UNIT_CONFIG_KEY);
    return true;
  } catch {
    return false;
  }
}

/** The 文稿类型 a config asks for, when it names one the pane offers. */
export function unitProfileId<T extends string>(unit: UnitStyle | undefined, offered: readonly T[]): T | undefined {
  const id = unit?.config.profile;
  return id !== undefined && isProfileId(id) && (offered as readonly string[]).includes(id) ? (id as T) : undefined;
}

/** The profile the pane works to: the chosen 文稿类型 with the unit's settings over it. */
export function unitProfile(id: string, unit: UnitStyle | undefined): Profile {
  if (!unit) return resolveProfile(id);
  // The clerk's choice of 文稿类型 wins over the config's "profile" (see the note at the top).
  const { profile: _chosenByClerk, ...rest } = unit.config;
  return resolveProfile(id, rest);
}

/** What a unit style sets, in a few words for the pane (「正文、一级标题的样式，规则 2 条，词语 3 个」). */
export function unitSummary(config: UnitConfig): string {
  const parts: string[] = [];
  const roles = new Set<string>();
  const f = config.format;
  if (f) {
    for (const k of LEVEL_ROLES) if (f[k] !== undefined) roles.add(ROLE_NAMES_ZH[k]);
    for (const r of Object.keys(f.roles ?? {})) if (Object.prototype.hasOwnProperty.call(ROLE_NAMES_ZH, r)) roles.add(ROLE_NAMES_ZH[r as Role]);
  }
  if (roles.size > 0) parts.push(`${[...roles].join("、")}的样式`);
  if (f && (f.page !== undefined || f.firstLineIndentChars !== undefined || f.lineSpacingPt !== undefined || f.pageNumbers !== undefined || f.arabicMarker !== undefined)) {
    const page: string[] = [];
    if (f.page !== undefined) page.push("页面");
    if (f.firstLineIndentChars !== undefined) page.push("首行缩进");
    if (f.lineSpacingPt !== undefined) page.push("行距");
    if (f.pageNumbers !== undefined) page.push("页码");
    if (f.arabicMarker !== undefined) page.push("序号写法");
    parts.push(page.join("、"));
  }
  const nRules = Object.keys(config.rules ?? {}).length + Object.keys(config.ruleOptions ?? {}).length;
  if (nRules > 0) parts.push(`规则设置 ${nRules} 项`);
  if (config.words && config.words.length > 0) parts.push(`词典中的词 ${config.words.length} 个`);
  return parts.join("，");
}

const LEVEL_ROLES = ["title", "level1", "level2", "level3", "level4", "body"] as const;
