/**
 * Auto-numbered lists (numbering.xml): definitions and the counters that produce the
 * label Word shows in front of a list paragraph ("一、", "（一）", "1.").
 */
import { formatNumber } from "./numformat";
import { onOff, type Styles } from "./styles";
import { child, children, type XElement } from "./xml";

interface LevelDef {
  start: number;
  fmt: string;
  text?: string;
  /** 1-based level after which this level restarts; 0 = never; undefined = after any higher level. */
  restart?: number;
  isLgl: boolean;
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: (LevelDef | undefined)[];
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  startOverride: (number | undefined)[];
  lvlOverride: (LevelDef | undefined)[];
}

function intAttr(el: XElement | undefined, dflt: number): number {
  const v = el?.attrs["w:val"];
  if (v === undefined) return dflt;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : dflt;
}

/**
 * Start values are ST_DecimalNumber (a 32-bit int); Word's own dialog stops at 32767. A start of
 * 2,600,000,000 is clamped here, and formatNumber keeps every label short whatever the value.
 */
const MAX_START = 2147483647;
function startAttr(el: XElement | undefined): number {
  return Math.max(-MAX_START, Math.min(MAX_START, intAttr(el, 0)));
}

/** Longest w:lvlText kept: Word's own are a few characters ("%1.%2."). */
const MAX_LEVEL_TEXT = 64;

/** The first w:numFmt, looking into mc:AlternateContent (Choice first, then Fallback). */
function findNumFmt(lvl: XElement): XElement | undefined {
  const direct = child(lvl, "w:numFmt");
  if (direct) return direct;
  const alt = child(lvl, "mc:AlternateContent");
  if (!alt) return undefined;
  for (const branch of [...children(alt, "mc:Choice"), ...children(alt, "mc:Fallback")]) {
    const f = child(branch, "w:numFmt");
    // A "custom" format (w:format="一, 二, 三") is not handled: prefer the fallback's standard one.
    if (f && f.attrs["w:val"] !== "custom") return f;
  }
  return undefined;
}

function readLevel(lvl: XElement): LevelDef {
  const text = child(lvl, "w:lvlText");
  const restartEl = child(lvl, "w:lvlRestart");
  const isLglEl = child(lvl, "w:isLgl");
  return {
    start: startAttr(child(lvl, "w:start")),
    fmt: findNumFmt(lvl)?.attrs["w:val"] ?? "decimal",
    text: text && text.attrs["w:null"] !== "1" && text.attrs["w:null"] !== "true" ? (text.attrs["w:val"] ?? "").slice(0, MAX_LEVEL_TEXT) : undefined,
    restart: restartEl ? intAttr(restartEl, 0) : undefined,
    isLgl: isLglEl ? onOff(isLglEl) : false,
    pStyle: child(lvl, "w:pStyle")?.attrs["w:val"],
  };
}

function readLevels(el: XElement): (LevelDef | undefined)[] {
  const levels: (LevelDef | undefined)[] = [];
  for (const lvl of children(el, "w:lvl")) {
    const i = intAttr({ name: "", attrs: { "w:val": lvl.attrs["w:ilvl"] ?? "0" }, children: [] }, 0);
    if (i >= 0 && i < 9) levels[i] = readLevel(lvl);
  }
  return levels;
}

export class NumberingDefs {
  private abstracts = new Map<string, AbstractNum>();
  private nums = new Map<string, NumDef>();

  constructor(
    root: XElement | undefined,
    private styles: Styles,
  ) {
    if (!root) return;
    for (const a of children(root, "w:abstractNum")) {
      const id = a.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      this.abstracts.set(id, { id, levels: readLevels(a), numStyleLink: child(a, "w:numStyleLink")?.attrs["w:val"] });
    }
    for (const n of children(root, "w:num")) {
      const id = n.attrs["w:numId"];
      const abs = child(n, "w:abstractNumId")?.attrs["w:val"];
      if (id === undefined || abs === undefined) continue;
      const def: NumDef = { abstractId: abs, startOverride: [], lvlOverride: [] };
      for (const o of children(n, "w:lvlOverride")) {
        const i = parseInt(o.attrs["w:ilvl"] ?? "0", 10);
        if (!(i >= 0 && i < 9)) continue;
        const so = child(o, "w:startOverride");
        if (so) def.startOverride[i] = startAttr(so);
        const lvl = child(o, "w:lvl");
        if (lvl) def.lvlOverride[i] = readLevel(lvl);
      }
      this.nums.set(id, def);
    }
  }

  /** The abstract numbering of a num, following w:numStyleLink through a numbering style. */
  abstractOf(numId: string): AbstractNum | undefined {
    let abs = this.abstracts.get(this.nums.get(numId)?.abstractId ?? "");
    for (let hops = 0; abs?.numStyleLink !== undefined && hops < 4; hops++) {
      const style = this.styles.byId.get(abs.numStyleLink);
      const linked = child(child(style?.pPr, "w:numPr"), "w:numId")?.attrs["w:val"];
      const next = linked === undefined ? undefined : this.abstracts.get(this.nums.get(linked)?.abstractId ?? "");
      if (!next || next === abs) break;
      abs = next;
    }
    return abs;
  }

  num(numId: string): NumDef | undefined {
    return this.nums.get(numId);
  }

  /** The level whose w:pStyle links it to a paragraph style, for numbering that comes from a style. */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    const abs = this.abstractOf(numId);
    if (!abs) return undefined;
    const i = abs.levels.findIndex((l) => l?.pStyle === styleId);
    return i >= 0 ? i : undefined;
  }

  newCounter(): ListCounter {
    return new ListCounter(this);
  }
}

/** Counters of one story (the body, or the notes…): produces labels in document order. */
export class ListCounter {
  private counts = new Map<string, (number | undefined)[]>();
  private applied = new Set<string>();

  constructor(private defs: NumberingDefs) {}

  /** Advances the list `numId` at level `ilvl` and returns the label, or undefined when there is none. */
  next(numId: string, ilvl: number): string | undefined {
    if (numId === "0") return undefined;
    const num = this.defs.num(numId);
    const abs = this.defs.abstractOf(numId);
    if (!num || !abs) return undefined;
    const level = Math.max(0, Math.min(8, ilvl));
    const levelDef = (i: number): LevelDef | undefined => num.lvlOverride[i] ?? abs.levels[i];
    const def = levelDef(level);
    if (!def) return undefined;
    // Counters belong to the abstract numbering and are shared by every w:num that uses it.
    // A w:startOverride restarts the level at the first paragraph of its w:num (as Word and
    // LibreOffice show it; LibreOffice writes a restarted list this way).
    const key = abs.id;
    let counts = this.counts.get(key);
    if (!counts) {
      counts = [];
      this.counts.set(key, counts);
    }
    const startOf = (i: number): number => levelDef(i)?.start ?? 0;
    const override = num.startOverride[level];
    const overrideKey = numId + ":" + level;
    if (override !== undefined && !this.applied.has(overrideKey)) {
      this.applied.add(overrideKey);
      counts[level] = override;
    } else {
      const cur = counts[level];
      counts[level] = cur === undefined ? startOf(level) : cur + 1;
    }
    // Restart deeper levels that restart after this one.
    for (let m = level + 1; m < 9; m++) {
      const r = levelDef(m)?.restart;
      const resets = r === undefined ? true : r !== 0 && level < r;
      if (resets) counts[m] = undefined;
    }
    if (def.fmt === "bullet") return def.text || undefined;
    if (def.text === undefined) return undefined;
    const values = counts;
    const label = def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const ld = levelDef(i);
      const fmt = ld?.fmt ?? "decimal";
      if (fmt === "none") return "";
      const v = values[i] ?? startOf(i);
      return formatNumber(v, def.isLgl ? "decimal" : fmt === "bullet" ? "decimal" : fmt);
    });
    return label === "" ? undefined : label;
  }
}
