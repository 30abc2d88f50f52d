/**
 * Styles (styles.xml), document defaults and theme fonts (theme1.xml), and the resolution
 * of effective run and paragraph properties through them.
 */
import type { Alignment, LineSpacing } from "../model";
import { child, children, type XElement } from "./xml";

export interface StyleDef {
  id: string;
  name?: string;
  type: string;
  basedOn?: string;
  pPr?: XElement;
  rPr?: XElement;
}

export interface ThemeFonts {
  major: { latin?: string; ea?: string; cs?: string; scripts: Record<string, string> };
  minor: { latin?: string; ea?: string; cs?: string; scripts: Record<string, string> };
}

export function readTheme(root: XElement | undefined): ThemeFonts | undefined {
  if (!root) return undefined;
  const scheme = child(child(root, "a:themeElements"), "a:fontScheme");
  if (!scheme) return undefined;
  const collect = (el: XElement | undefined) => {
    const scripts: Record<string, string> = {};
    for (const f of children(el, "a:font")) if (f.attrs.script && f.attrs.typeface) scripts[f.attrs.script] = f.attrs.typeface;
    const face = (n: string) => child(el, n)?.attrs.typeface || undefined;
    return { latin: face("a:latin"), ea: face("a:ea"), cs: face("a:cs"), scripts };
  };
  return { major: collect(child(scheme, "a:majorFont")), minor: collect(child(scheme, "a:minorFont")) };
}

/** The a:font script used for an East Asian language tag. */
function scriptForLang(lang: string | undefined): string {
  const l = (lang ?? "").toLowerCase();
  if (l.startsWith("ja")) return "Jpan";
  if (l.startsWith("ko")) return "Hang";
  if (l === "zh-tw" || l === "zh-hk" || l === "zh-mo" || l.startsWith("zh-hant")) return "Hant";
  return "Hans";
}

/** Resolves a theme font name (w:asciiTheme / w:eastAsiaTheme values) to a typeface. */
export function themeFont(theme: ThemeFonts | undefined, name: string, lang?: string): string | undefined {
  if (!theme) return undefined;
  const set = name.startsWith("major") ? theme.major : theme.minor;
  const kind = name.slice(5); // EastAsia | Ascii | HAnsi | Bidi
  if (kind === "EastAsia") return set.ea || set.scripts[scriptForLang(lang)] || undefined;
  if (kind === "Bidi") return set.cs;
  return set.latin;
}

export class Styles {
  readonly byId = new Map<string, StyleDef>();
  defaultParagraph?: StyleDef;
  defaultCharacter?: StyleDef;
  defaultRPr?: XElement;
  defaultPPr?: XElement;
  private chains = new Map<string, StyleDef[]>();

  constructor(root: XElement | undefined) {
    if (!root) return;
    const dd = child(root, "w:docDefaults");
    this.defaultRPr = child(child(dd, "w:rPrDefault"), "w:rPr");
    this.defaultPPr = child(child(dd, "w:pPrDefault"), "w:pPr");
    for (const s of children(root, "w:style")) {
      const id = s.attrs["w:styleId"];
      if (id === undefined) continue;
      const def: StyleDef = {
        id,
        name: child(s, "w:name")?.attrs["w:val"],
        type: s.attrs["w:type"] ?? "paragraph",
        basedOn: child(s, "w:basedOn")?.attrs["w:val"],
        pPr: child(s, "w:pPr"),
        rPr: child(s, "w:rPr"),
      };
      if (!this.byId.has(id)) this.byId.set(id, def);
      const isDefault = s.attrs["w:default"] === "1" || s.attrs["w:default"] === "true" || s.attrs["w:default"] === "on";
      if (isDefault && def.type === "paragraph" && !this.defaultParagraph) this.defaultParagraph = def;
      if (isDefault && def.type === "character" && !this.defaultCharacter) this.defaultCharacter = def;
    }
  }

  /** The style and its basedOn ancestors, nearest first (cycles cut). */
  chain(id: string | undefined): StyleDef[] {
    if (id === undefined) return [];
    const cached = this.chains.get(id);
    if (cached) return cached;
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = this.byId.get(id);
    while (cur && !seen.has(cur.id) && out.length < 32) {
      seen.add(cur.id);
      out.push(cur);
      cur = cur.basedOn === undefined ? undefined : this.byId.get(cur.basedOn);
    }
    this.chains.set(id, out);
    return out;
  }

  /** The paragraph style in effect: the named one if it exists, else the default paragraph style. */
  paragraphStyle(id: string | undefined): StyleDef | undefined {
    const s = id === undefined ? undefined : this.byId.get(id);
    return s ?? this.defaultParagraph;
  }
}

// ---------------------------------------------------------------------------
// Run properties

interface FontChoice {
  theme?: string;
  name?: string;
}

/** Run properties collected from nearest to farthest; a field stays undefined until some level sets it. */
export interface RunProps {
  eastAsia?: FontChoice;
  ascii?: FontChoice;
  sizeHalfPt?: number;
  bold?: boolean;
  langEastAsia?: string;
}

export function onOff(el: XElement): boolean {
  const v = el.attrs["w:val"];
  return !(v === "0" || v === "false" || v === "off");
}

/** Fills the still-undefined fields of `acc` from `rPr`. */
export function fillRunProps(acc: RunProps, rPr: XElement | undefined): void {
  if (!rPr) return;
  for (const c of rPr.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "w:rFonts": {
        const a = c.attrs;
        if (!acc.eastAsia && (a["w:eastAsiaTheme"] || a["w:eastAsia"])) {
          acc.eastAsia = a["w:eastAsiaTheme"] ? { theme: a["w:eastAsiaTheme"] } : { name: a["w:eastAsia"] };
        }
        if (!acc.ascii && (a["w:asciiTheme"] || a["w:ascii"])) {
          acc.ascii = a["w:asciiTheme"] ? { theme: a["w:asciiTheme"] } : { name: a["w:ascii"] };
        }
        break;
      }
      case "w:sz":
        if (acc.sizeHalfPt === undefined) {
          const v = Number(c.attrs["w:val"]);
          if (Number.isFinite(v) && v > 0) acc.sizeHalfPt = v;
        }
        break;
      case "w:b":
        if (acc.bold === undefined) acc.bold = onOff(c);
        break;
      case "w:lang":
        if (acc.langEastAsia === undefined && c.attrs["w:eastAsia"]) acc.langEastAsia = c.attrs["w:eastAsia"];
        break;
    }
  }
}

export function mergeRunProps(acc: RunProps, base: RunProps): RunProps {
  return {
    eastAsia: acc.eastAsia ?? base.eastAsia,
    ascii: acc.ascii ?? base.ascii,
    sizeHalfPt: acc.sizeHalfPt ?? base.sizeHalfPt,
    bold: acc.bold ?? base.bold,
    langEastAsia: acc.langEastAsia ?? base.langEastAsia,
  };
}

export interface ResolvedRun {
  fontEastAsia?: string;
  fontLatin?: string;
  sizePt?: number;
  bold?: boolean;
}

/**
 * The effective run properties. `themeLang` is settings.xml's w:themeFontLang/@w:eastAsia,
 * which picks the theme's script font; without it the run's East Asian language does.
 */
export function finishRunProps(p: RunProps, theme: ThemeFonts | undefined, themeLang?: string): ResolvedRun {
  const lang = themeLang ?? p.langEastAsia;
  const font = (c: FontChoice | undefined): string | undefined =>
    c === undefined ? undefined : c.theme !== undefined ? themeFont(theme, c.theme, lang) : c.name || undefined;
  return {
    fontEastAsia: font(p.eastAsia),
    fontLatin: font(p.ascii),
    // Word shows 10 pt when no level states a size.
    sizePt: (p.sizeHalfPt ?? 20) / 2,
    bold: p.bold ?? false,
  };
}

// ---------------------------------------------------------------------------
// Paragraph properties

export interface ResolvedParagraph {
  alignment?: Alignment;
  outlineLevel?: number;
  firstLineIndentPt?: number;
  firstLineIndentChars?: number;
  lineSpacing?: LineSpacing;
}

const JC: Record<string, Alignment> = {
  left: "left",
  start: "left",
  center: "center",
  right: "right",
  end: "right",
  both: "justify",
  distribute: "distribute",
  thaiDistribute: "distribute",
  lowKashida: "justify",
  mediumKashida: "justify",
  highKashida: "justify",
};

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Resolves paragraph properties from pPr levels ordered nearest first. */
export function resolveParagraph(levels: (XElement | undefined)[]): ResolvedParagraph {
  const out: ResolvedParagraph = {};
  let jcDone = false;
  let outlineDone = false;
  let ptDone = false;
  let charsDone = false;
  let spacingDone = false;
  for (const pPr of levels) {
    if (!pPr) continue;
    for (const c of pPr.children) {
      if (typeof c === "string") continue;
      if (c.name === "w:jc" && !jcDone) {
        jcDone = true;
        out.alignment = JC[c.attrs["w:val"] ?? ""];
      } else if (c.name === "w:outlineLvl" && !outlineDone) {
        outlineDone = true;
        const v = num(c.attrs["w:val"]);
        if (v !== undefined && v >= 0 && v < 9) out.outlineLevel = v;
      } else if (c.name === "w:ind") {
        const a = c.attrs;
        // firstLine/hanging form one setting, firstLineChars/hangingChars another.
        if (!ptDone && (a["w:firstLine"] !== undefined || a["w:hanging"] !== undefined)) {
          ptDone = true;
          const h = num(a["w:hanging"]);
          const f = num(a["w:firstLine"]);
          out.firstLineIndentPt = h !== undefined && h !== 0 ? -h / 20 : (f ?? 0) / 20;
        }
        if (!charsDone && (a["w:firstLineChars"] !== undefined || a["w:hangingChars"] !== undefined)) {
          charsDone = true;
          const h = num(a["w:hangingChars"]);
          const f = num(a["w:firstLineChars"]);
          const v = h !== undefined && h !== 0 ? -h / 100 : (f ?? 0) / 100;
          // 0 chars means "not in chars": Word then uses the twips value.
          if (v !== 0) out.firstLineIndentChars = v;
        }
      } else if (c.name === "w:spacing" && !spacingDone && c.attrs["w:line"] !== undefined) {
        const line = num(c.attrs["w:line"]);
        if (line === undefined) continue;
        spacingDone = true;
        const rule = c.attrs["w:lineRule"] ?? "auto";
        if (rule === "exact" || rule === "atLeast") out.lineSpacing = { rule, value: Math.abs(line) / 20 };
        else out.lineSpacing = { rule: "auto", value: line / 240 };
      }
    }
  }
  return out;
}
