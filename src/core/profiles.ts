/**
 * Profiles: which rules run, at what severity, and the house formatting a unit uses.
 * A unit adjusts a profile with a JSON config (see parseConfig).
 */
import type { Severity } from "./findings";
import type { RuleInfo, RuleOptionSchema } from "./ruleOptions";
import { ROLE_ALIGNMENTS, ROLE_NAMES_ZH, ROLES, type Role, type RoleStyle } from "./format/roleNames";

export type { RoleStyle };

export interface LevelFormat {
  /** Accepted East Asian font names; the first is the one a fix applies. */
  fonts: string[];
  sizePt: number;
  /** undefined = not checked. */
  bold?: boolean;
}

export interface FormatSpec {
  title: LevelFormat;
  level1: LevelFormat;
  level2: LevelFormat;
  level3: LevelFormat;
  level4: LevelFormat;
  body: LevelFormat;
  /** First-line indent of body paragraphs, in characters. */
  firstLineIndentChars: number;
  /** Accepted range of fixed line spacing, in points. */
  lineSpacingPt: [number, number];
  page: {
    widthMm: number;
    heightMm: number;
    marginTopMm: number;
    marginBottomMm: number;
    marginLeftMm: number;
    marginRightMm: number;
    toleranceMm: number;
  };
  /** House form of the Arabic 序次语: "1." (GB/T 9704 prints it) or "1．". */
  arabicMarker: "." | "．";
  /**
   * 页码 (GB/T 9704-2012 7.5, core/format/pageNumbers.ts): "gbt" — 「— 1 —」 odd pages right and even
   * pages left with one character of space; "center" — centred on every page; "none" — not written.
   */
  pageNumbers: PageNumberMode;
  /**
   * The unit's own look for single roles (config `format.roles`): applied last by roleFormat,
   * over the level formats above, so formatting and the format checks follow it alike.
   */
  roles?: Partial<Record<Role, RoleStyle>>;
}

export const PAGE_NUMBER_MODES = ["gbt", "center", "none"] as const;
export type PageNumberMode = (typeof PAGE_NUMBER_MODES)[number];

export type RuleSetting = Severity | "off";

/** GB/T 9704-2012 5.2.3: 22 lines on the 225 mm type area, i.e. a fixed line spacing of 28.95 pt. */
export const GB_LINE_SPACING_PT = 28.95;

/**
 * The fixed line spacing to apply when formatting (one-click formatting, new documents, inserted
 * skeletons): 28.95 pt when the profile's accepted range allows it, else the middle of the range.
 */
export function targetLineSpacingPt(spec: FormatSpec): number {
  const [lo, hi] = spec.lineSpacingPt;
  if (GB_LINE_SPACING_PT >= lo && GB_LINE_SPACING_PT <= hi) return GB_LINE_SPACING_PT;
  return Math.round(((lo + hi) / 2) * 100) / 100;
}

export interface Profile {
  id: string;
  /** Chinese name, e.g. 讲话稿. */
  name: string;
  /** Per-rule overrides: severity or "off". Rules not listed run at their default. */
  rules: Record<string, RuleSetting>;
  /** Per-rule options. */
  ruleOptions: Record<string, Record<string, unknown>>;
  format: FormatSpec;
  /**
   * The user dictionary: words the spelling checks (category typo) never flag — place and people's
   * names, local terms. From the unit config's "words" and the pane's 加入词典.
   */
  words: string[];
}

const FANGSONG = ["仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体", "华文仿宋"];
const HEITI = ["黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "华文黑体"];
const KAITI = ["楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体", "华文楷体"];
const XIAOBIAOSONG = ["方正小标宋简体", "方正小标宋_GBK", "小标宋", "方正小标宋"];

/** Font sizes by 号 (Word/WPS convention). */
export const HAO_PT: Record<string, number> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9,
};

function baseFormat(): FormatSpec {
  return {
    title: { fonts: XIAOBIAOSONG, sizePt: 22 },
    level1: { fonts: HEITI, sizePt: 16 },
    level2: { fonts: KAITI, sizePt: 16 },
    level3: { fonts: FANGSONG, sizePt: 16 },
    level4: { fonts: FANGSONG, sizePt: 16 },
    body: { fonts: FANGSONG, sizePt: 16 },
    firstLineIndentChars: 2,
    lineSpacingPt: [28, 29.5],
    page: {
      widthMm: 210,
      heightMm: 297,
      marginTopMm: 37,
      marginBottomMm: 35,
      marginLeftMm: 28,
      marginRightMm: 26,
      toleranceMm: 1,
    },
    arabicMarker: ".",
    pageNumbers: "gbt",
  };
}

/** 讲话稿 (default): no 版头/版记, the 称谓 line and promised counts matter; page setup is advice. */
export function speechProfile(): Profile {
  return {
    id: "speech",
    name: "讲话稿",
    rules: { "format-page": "info" },
    ruleOptions: {},
    // A speech is read from a loose, usually one-sided printout: a centred number is found at a
    // glance on every page, while 9704's odd-right / even-left placement is made for bound two-sided copies.
    format: { ...baseFormat(), pageNumbers: "center" },
    words: [],
  };
}

/** 公文 per GB/T 9704-2012: no 称谓 check; page setup and 发文字号 are errors. */
export function gongwenProfile(): Profile {
  return {
    id: "gongwen",
    name: "公文",
    rules: { "speech-salutation": "off", "speech-count": "warning", "format-page": "error" },
    ruleOptions: {},
    format: baseFormat(),
    words: [],
  };
}

export const PROFILES: Record<string, () => Profile> = {
  speech: speechProfile,
  gongwen: gongwenProfile,
};

export class ConfigError extends Error {}

/**
 * A unit's config (JSON):
 * {
 *   "profile": "gongwen",
 *   "rules": { "typo": "off", "placeholder": "error" },
 *   "ruleOptions": { "typo": { "extraPairs": [["布署", "部署"]] } },
 *   "format": { "arabicMarker": "．", "level1": { "fonts": ["方正黑体_GBK"] },
 *               "roles": { "signature": { "alignment": "right", "indentChars": 0 } } }
 * }
 * `format.roles.<role>` sets one role's fonts, size, bold, alignment and first-line indent; for
 * title/level1…/body it wins over `format.title/level1…/body` where both set the same property.
 */
export interface UnitConfig {
  profile?: string;
  rules?: Record<string, RuleSetting>;
  ruleOptions?: Record<string, Record<string, unknown>>;
  format?: {
    [K in (typeof LEVEL_KEYS)[number]]?: Partial<LevelFormat>;
  } & Partial<Pick<FormatSpec, "firstLineIndentChars" | "lineSpacingPt" | "arabicMarker" | "pageNumbers" | "roles">> & { page?: Partial<FormatSpec["page"]> };
  /** User dictionary: words the typo checks never flag. */
  words?: string[];
}

const SETTINGS: RuleSetting[] = ["error", "warning", "info", "off"];
const LEVEL_KEYS = ["title", "level1", "level2", "level3", "level4", "body"] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** True when `id` names a built-in profile (own keys only: "constructor" is not a profile). */
export function isProfileId(id: string): boolean {
  return own(PROFILES, id);
}

/** What a config needs to know of a rule to validate settings and options. */
export type { RuleInfo };

function optionError(rule: string, key: string, schema: RuleOptionSchema): ConfigError {
  const want: Record<RuleOptionSchema["type"], string> = {
    boolean: "true 或 false",
    number: schema.min !== undefined && schema.max !== undefined ? `${schema.min} 到 ${schema.max} 之间的数` : "数字",
    string: "文字",
    "string[]": "文字数组",
    "string-pairs": "由 [\"错\", \"对\"] 组成的数组",
  };
  return new ConfigError(`ruleOptions.${rule}.${key}（${schema.description}）应是${want[schema.type]}。`);
}

function validOption(v: unknown, schema: RuleOptionSchema): boolean {
  switch (schema.type) {
    case "boolean":
      return typeof v === "boolean";
    case "number":
      return typeof v === "number" && Number.isFinite(v) && (schema.min === undefined || v >= schema.min) && (schema.max === undefined || v <= schema.max);
    case "string":
      return typeof v === "string";
    case "string[]":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "string-pairs":
      return Array.isArray(v) && v.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === "string" && x[0].length > 0 && typeof x[1] === "string");
  }
}

const FORMAT_KEYS: readonly string[] = ["roles", "page", "arabicMarker", "firstLineIndentChars", "lineSpacingPt", "pageNumbers"];
const PAGE_KEYS = ["widthMm", "heightMm", "marginTopMm", "marginBottomMm", "marginLeftMm", "marginRightMm", "toleranceMm"] as const;

/**
 * Validates a parsed JSON config against the known rules (ids, their checks and option schemas);
 * throws ConfigError with a Chinese message naming the bad key. `rules` may be plain ids (then
 * "rule/check" keys and options are not checked against the rule).
 */
export function validateConfig(raw: unknown, rules: Array<RuleInfo | string>): UnitConfig {
  const known = new Map<string, RuleInfo>();
  for (const r of rules) known.set(typeof r === "string" ? r : r.id, typeof r === "string" ? { id: r } : r);
  const ruleOf = (id: string): RuleInfo | undefined => (known.has(id) ? known.get(id) : undefined);
  if (!isObject(raw)) throw new ConfigError("配置文件应是一个 JSON 对象。");
  const cfg = raw as UnitConfig;
  for (const k of Object.keys(raw)) {
    if (!["profile", "rules", "ruleOptions", "format", "words"].includes(k)) {
      throw new ConfigError(`配置中的「${k}」无法识别，可用的键：profile、rules、ruleOptions、format、words。`);
    }
  }
  if (cfg.words !== undefined) {
    const w = cfg.words as unknown;
    if (!Array.isArray(w) || !w.every((x) => typeof x === "string" && x.trim().length > 0 && x.length <= 50)) {
      throw new ConfigError("配置中的 words（用户词典）应是词语数组，如 [\"乌兰察布\", \"河长制\"]，每个词不超过 50 个字。");
    }
  }
  if (cfg.profile !== undefined && (typeof cfg.profile !== "string" || !isProfileId(cfg.profile))) {
    throw new ConfigError(`配置中的 profile「${String(cfg.profile)}」不存在，可选：${Object.keys(PROFILES).join("、")}。`);
  }
  if (cfg.rules !== undefined) {
    if (!isObject(cfg.rules)) throw new ConfigError("配置中的 rules 应是对象，如 {\"typo\": \"off\"}。");
    for (const [id, v] of Object.entries(cfg.rules)) {
      const slash = id.indexOf("/");
      const ruleId = slash < 0 ? id : id.slice(0, slash);
      const rule = ruleOf(ruleId);
      if (!rule) throw new ConfigError(`配置中的规则「${ruleId}」不存在。`);
      if (slash >= 0) {
        const check = id.slice(slash + 1);
        if (rule.messages !== undefined && !own(rule.messages, check)) {
          const ids = Object.keys(rule.messages);
          throw new ConfigError(`规则「${ruleId}」没有名为「${check}」的检查项${ids.length ? `，可选：${ids.join("、")}` : ""}。`);
        }
      }
      if (!SETTINGS.includes(v as RuleSetting)) {
        throw new ConfigError(`规则「${id}」的设置「${String(v)}」无效，应为 error、warning、info 或 off。`);
      }
    }
  }
  if (cfg.ruleOptions !== undefined) {
    if (!isObject(cfg.ruleOptions)) throw new ConfigError("配置中的 ruleOptions 应是对象。");
    for (const [id, opts] of Object.entries(cfg.ruleOptions)) {
      const rule = ruleOf(id);
      if (!rule) throw new ConfigError(`ruleOptions 中的规则「${id}」不存在。`);
      if (!isObject(opts)) throw new ConfigError(`ruleOptions.${id} 应是对象。`);
      if (typeof rules[0] === "string" && rule.options === undefined) continue;
      for (const [key, v] of Object.entries(opts)) {
        const schema = rule.options && own(rule.options, key) ? rule.options[key] : undefined;
        if (!schema) {
          const keys = Object.keys(rule.options ?? {});
          throw new ConfigError(`规则「${id}」没有选项「${key}」${keys.length ? `，可用的选项：${keys.join("、")}` : "，它不接受任何选项"}。`);
        }
        if (!validOption(v, schema)) throw optionError(id, key, schema);
      }
    }
  }
  if (cfg.format !== undefined) {
    if (!isObject(cfg.format)) throw new ConfigError("配置中的 format 应是对象。");
    const f = cfg.format as Record<string, unknown>;
    for (const k of Object.keys(f)) {
      if (!(LEVEL_KEYS as readonly string[]).includes(k) && !FORMAT_KEYS.includes(k)) {
        throw new ConfigError(`format 中的「${k}」无法识别，可用的键：${[...LEVEL_KEYS, ...FORMAT_KEYS].join("、")}。`);
      }
    }
    if (f.pageNumbers !== undefined && !(PAGE_NUMBER_MODES as readonly unknown[]).includes(f.pageNumbers)) {
      throw new ConfigError(
        "format.pageNumbers 只能是 \"gbt\"（按 GB/T 9704，单页码居右、双页码居左）、\"center\"（页码居中）或 \"none\"（不加页码）。",
      );
    }
    if (f.arabicMarker !== undefined && f.arabicMarker !== "." && f.arabicMarker !== "．") {
      throw new ConfigError("format.arabicMarker 只能是 \".\" 或 \"．\"。");
    }
    for (const k of LEVEL_KEYS) {
      const lv = f[k];
      if (lv === undefined) continue;
      if (!isObject(lv)) throw new ConfigError(`format.${k} 应是对象。`);
      if (lv.fonts !== undefined && (!Array.isArray(lv.fonts) || lv.fonts.length === 0 || !lv.fonts.every((x) => typeof x === "string" && x.trim().length > 0))) {
        throw new ConfigError(`format.${k}.fonts 应是非空的字体名数组。`);
      }
      if (lv.sizePt !== undefined && (typeof lv.sizePt !== "number" || !Number.isFinite(lv.sizePt) || lv.sizePt <= 0 || lv.sizePt > 100)) {
        throw new ConfigError(`format.${k}.sizePt 应是 1 到 100 之间的磅值。`);
      }
      if (lv.bold !== undefined && typeof lv.bold !== "boolean") throw new ConfigError(`format.${k}.bold 应是 true 或 false。`);
    }
    if (f.roles !== undefined) validateRoles(f.roles);
    if (f.firstLineIndentChars !== undefined) {
      const v = f.firstLineIndentChars;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 10) throw new ConfigError("format.firstLineIndentChars 应是 0 到 10 之间的字符数。");
    }
    if (f.lineSpacingPt !== undefined) {
      const ls = f.lineSpacingPt;
      if (!Array.isArray(ls) || ls.length !== 2 || !ls.every((x) => typeof x === "number" && Number.isFinite(x) && x > 0 && x <= 200) || ls[0] > ls[1]) {
        throw new ConfigError("format.lineSpacingPt 应是 [最小, 最大] 两个磅值。");
      }
    }
    if (f.page !== undefined) {
      if (!isObject(f.page)) throw new ConfigError("format.page 应是对象。");
      for (const [k, v] of Object.entries(f.page)) {
        if (!(PAGE_KEYS as readonly string[]).includes(k)) throw new ConfigError(`format.page 中的「${k}」无法识别，可用的键：${PAGE_KEYS.join("、")}。`);
        const max = k === "widthMm" || k === "heightMm" ? 2000 : 500;
        const min = k === "widthMm" || k === "heightMm" ? 1 : 0;
        if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
          throw new ConfigError(`format.page.${k} 应是 ${min} 到 ${max} 之间的毫米数。`);
        }
      }
    }
  }
  return cfg;
}

const ROLE_STYLE_KEYS = ["fonts", "sizePt", "bold", "alignment", "indentChars"] as const;
const ALIGNMENT_ZH: Record<(typeof ROLE_ALIGNMENTS)[number], string> = { left: "左对齐", center: "居中", right: "右对齐", justify: "两端对齐" };

/** `format.roles`: known roles (own keys only), known properties, values in range. */
function validateRoles(roles: unknown): void {
  if (!isObject(roles)) throw new ConfigError("format.roles 应是对象，如 {\"body\": {\"sizePt\": 16}}。");
  for (const [role, st] of Object.entries(roles)) {
    if (!own(ROLE_NAMES_ZH, role)) {
      throw new ConfigError(`format.roles 中的「${role}」不是可设置的段落角色，可选：${ROLES.map((r) => `${r}（${ROLE_NAMES_ZH[r]}）`).join("、")}。`);
    }
    const at = `format.roles.${role}（${ROLE_NAMES_ZH[role as Role]}）`;
    if (!isObject(st)) throw new ConfigError(`${at} 应是对象，如 {"sizePt": 16}。`);
    for (const [k, v] of Object.entries(st)) {
      switch (k) {
        case "fonts":
          if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "string" && x.trim().length > 0)) {
            throw new ConfigError(`${at}.fonts 应是非空的字体名数组，如 ["方正仿宋_GBK"]。`);
          }
          break;
        case "sizePt":
          if (typeof v !== "number" || !Number.isFinite(v) || v < 1 || v > 100) throw new ConfigError(`${at}.sizePt 应是 1 到 100 之间的磅值，现为「${String(v)}」。`);
          break;
        case "bold":
          if (typeof v !== "boolean") throw new ConfigError(`${at}.bold 应是 true 或 false，现为「${String(v)}」。`);
          break;
        case "alignment":
          if (!(ROLE_ALIGNMENTS as readonly unknown[]).includes(v)) {
            throw new ConfigError(`${at}.alignment 应是 ${ROLE_ALIGNMENTS.map((a) => `"${a}"（${ALIGNMENT_ZH[a]}）`).join("、")} 之一，现为「${String(v)}」。`);
          }
          break;
        case "indentChars":
          if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 10) throw new ConfigError(`${at}.indentChars 应是 0 到 10 之间的字符数，现为「${String(v)}」。`);
          break;
        default:
          throw new ConfigError(`${at} 中的「${k}」无法识别，可用的键：${ROLE_STYLE_KEYS.join("、")}。`);
      }
    }
  }
}

/** Profile for a config: the named (or given) base profile with the unit's changes applied. */
export function resolveProfile(base: string | undefined, cfg?: UnitConfig): Profile {
  const id = cfg?.profile ?? base ?? "speech";
  const make = isProfileId(id) ? PROFILES[id] : undefined;
  if (!make) throw new ConfigError(`没有名为「${id}」的规则集，可选：${Object.keys(PROFILES).join("、")}。`);
  const p = make();
  if (!cfg) return p;
  Object.assign(p.rules, cfg.rules ?? {});
  if (cfg.words) p.words = [...p.words, ...cfg.words.map((w) => w.trim())];
  for (const [id2, o] of Object.entries(cfg.ruleOptions ?? {})) p.ruleOptions[id2] = { ...(p.ruleOptions[id2] ?? {}), ...o };
  const f = cfg.format;
  if (f) {
    for (const k of LEVEL_KEYS) if (f[k]) p.format[k] = { ...p.format[k], ...f[k] };
    if (f.page) p.format.page = { ...p.format.page, ...f.page };
    if (f.arabicMarker) p.format.arabicMarker = f.arabicMarker;
    if (f.firstLineIndentChars !== undefined) p.format.firstLineIndentChars = f.firstLineIndentChars;
    if (f.lineSpacingPt) p.format.lineSpacingPt = f.lineSpacingPt;
    if (f.pageNumbers) p.format.pageNumbers = f.pageNumbers;
    if (f.roles) {
      const roles: Partial<Record<Role, RoleStyle>> = { ...(p.format.roles ?? {}) };
      for (const [r, st] of Object.entries(f.roles) as Array<[Role, RoleStyle]>) {
        if (!own(ROLE_NAMES_ZH, r)) continue;
        roles[r] = { ...(roles[r] ?? {}), ...st, ...(st.fonts ? { fonts: st.fonts.map((x) => x.trim()) } : {}) };
      }
      p.format.roles = roles;
    }
  }
  return p;
}
