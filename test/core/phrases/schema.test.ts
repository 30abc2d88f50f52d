/**
 * The phrase library's schema: every entry valid, themes from the fixed list, no duplicates or
 * near-duplicates, sane lengths, clean punctuation (checked with our own rules), groups together.
 */
import * as fs from "fs";
import * as path from "path";
import { check } from "../../../src/core/engine";
import { docFromText } from "../../../src/core/model";
import { parseMarker } from "../../../src/core/numbering/markers";
import { ruleById } from "../../../src/core/rules";
import { DOMAINS, PHRASE_KINDS, THEMES, type PhraseEntry } from "../../../src/core/phrases/types";

const dataDir = path.join(__dirname, "..", "..", "..", "src", "core", "phrases", "data");
const files = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.endsWith(".json")).sort() : [];
const entries: Array<PhraseEntry & { file: string }> = files.flatMap((f) =>
  (JSON.parse(fs.readFileSync(path.join(dataDir, f), "utf8")) as PhraseEntry[]).map((e) => ({ ...e, file: f })),
);

const LENGTH: Record<string, [number, number]> = { 标题: [4, 36], 排比: [4, 60], 正文: [8, 150], 开头: [8, 150], 过渡: [6, 150], 结尾: [6, 150] };

/** Text reduced to its characters: punctuation and spaces removed. */
function core(t: string): string {
  return t.replace(/[\s，。、；：！？“”‘’《》（）〔〕【】—…·,.;:!?()"']/g, "");
}

function bigrams(t: string): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) s.add(t.slice(i, i + 2));
  return s;
}

describe("phrase library schema", () => {
  it("has at least 4,000 entries, at least 150 for every domain", () => {
    expect(entries.length).toBeGreaterThanOrEqual(4000);
    const per = new Map<string, number>();
    for (const e of entries) for (const d of e.domains ?? []) per.set(d, (per.get(d) ?? 0) + 1);
    expect(DOMAINS.filter((d) => (per.get(d) ?? 0) < 150)).toEqual([]);
  });

  it("every entry has the fields, kinds, themes and levels the schema allows", () => {
    const problems: string[] = [];
    for (const e of entries) {
      const where = `${e.file} ${e.id}`;
      const keys = Object.keys(e).filter((k) => k !== "file");
      for (const k of keys) if (!["id", "text", "kind", "themes", "level", "domains", "group"].includes(k)) problems.push(`${where}: unknown field ${k}`);
      if (typeof e.id !== "string" || !/^p\d-\d{4}$/.test(e.id)) problems.push(`${where}: bad id`);
      if (typeof e.text !== "string" || !e.text.trim() || e.text !== e.text.trim()) problems.push(`${where}: bad text`);
      if (!(PHRASE_KINDS as readonly string[]).includes(e.kind)) problems.push(`${where}: bad kind ${e.kind}`);
      if (!Array.isArray(e.themes) || e.themes.length < 1 || e.themes.length > 3) problems.push(`${where}: 1–3 themes`);
      for (const t of e.themes ?? []) if (!(THEMES as readonly string[]).includes(t)) problems.push(`${where}: bad theme ${t}`);
      if (new Set(e.themes).size !== (e.themes ?? []).length) problems.push(`${where}: repeated theme`);
      if (!Array.isArray(e.domains) || e.domains.length < 1 || e.domains.length > 3) problems.push(`${where}: 1–3 domains`);
      for (const d of e.domains ?? []) if (!(DOMAINS as readonly string[]).includes(d)) problems.push(`${where}: bad domain ${d}`);
      if (new Set(e.domains).size !== (e.domains ?? []).length) problems.push(`${where}: repeated domain`);
      if (e.kind === "标题" && ![1, 2, 3].includes(e.level as number)) problems.push(`${where}: heading without level 1–3`);
      if (e.kind !== "标题" && e.level !== undefined) problems.push(`${where}: level on a non-heading`);
      if (e.group !== undefined && (typeof e.group !== "string" || !e.group)) problems.push(`${where}: bad group`);
    }
    expect(problems).toEqual([]);
  });

  it("ids are unique", () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const e of entries) {
      if (seen.has(e.id)) dups.push(e.id);
      seen.set(e.id, e.file);
    }
    expect(dups).toEqual([]);
  });

  it("lengths are sane for each kind", () => {
    const bad = entries.filter((e) => {
      const [min, max] = LENGTH[e.kind] ?? [1, 200];
      return e.text.length < min || e.text.length > max;
    });
    expect(bad.map((e) => `${e.id} (${e.kind}, ${e.text.length}): ${e.text}`)).toEqual([]);
  });

  it("headings carry no marker and no end punctuation; sentences end properly", () => {
    const bad: string[] = [];
    for (const e of entries) {
      if (parseMarker(e.text)) bad.push(`${e.id} starts with a heading marker: ${e.text}`);
      if (e.kind === "标题" && /[，、；：。,.;:]$/.test(e.text)) bad.push(`${e.id} heading ends with punctuation: ${e.text}`);
      if (["正文", "开头", "结尾"].includes(e.kind) && !/[。！？”：]$/.test(e.text)) bad.push(`${e.id} sentence without an end mark: ${e.text}`);
    }
    expect(bad).toEqual([]);
  });

  it("has no duplicates or near-duplicates across all files", () => {
    const byCore = new Map<string, string>();
    const problems: string[] = [];
    const grams = entries.map((e) => bigrams(core(e.text)));
    const postings = new Map<string, number[]>();
    entries.forEach((e, i) => {
      const c = core(e.text);
      const prev = byCore.get(c);
      if (prev) problems.push(`duplicate: ${prev} = ${e.id} 「${e.text}」`);
      byCore.set(c, e.id);
      for (const g of grams[i]) {
        const list = postings.get(g);
        if (list) list.push(i);
        else postings.set(g, [i]);
      }
    });
    // Near-duplicates: bigram overlap ≥ 85% of the shorter entry (and both longer than 6 characters).
    entries.forEach((e, i) => {
      const gi = grams[i];
      if (gi.size < 6) return;
      const shared = new Map<number, number>();
      for (const g of gi) for (const j of postings.get(g) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
      for (const [j, n] of shared) {
        const gj = grams[j];
        if (gj.size < 6) continue;
        if (n / Math.min(gi.size, gj.size) >= 0.85 && !(e.group && e.group === entries[j].group)) {
          problems.push(`near-duplicate: ${e.id} 「${e.text}」 ~ ${entries[j].id} 「${entries[j].text}」`);
        }
      }
    });
    expect(problems).toEqual([]);
  });

  it("uses Chinese punctuation correctly (our own punctuation and typo rules find nothing)", () => {
    const rules = ["punctuation-halfwidth", "punctuation-pair", "punctuation-repeat", "punctuation-form", "whitespace", "typo", "placeholder", "garbled"].map((id) => ruleById(id)!);
    const doc = docFromText(entries.map((e) => e.text).join("\n"));
    const found = check(doc, { rules });
    expect(found.map((f) => `${entries[f.paragraph].id} ${f.rule}: ${f.excerpt} ${f.message}`)).toEqual([]);
  });

  it("keeps each parallel group together in its file, with 2–6 entries", () => {
    const problems: string[] = [];
    for (const f of files) {
      const list = entries.filter((e) => e.file === f);
      const seen = new Map<string, number>();
      list.forEach((e, i) => {
        if (!e.group) return;
        const last = seen.get(e.group);
        if (last !== undefined && last !== i - 1) problems.push(`${f}: group ${e.group} is split (${e.id})`);
        seen.set(e.group, i);
      });
      const sizes = new Map<string, number>();
      for (const e of list) if (e.group) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
      for (const [g, n] of sizes) if (n < 2 || n > 6) problems.push(`${f}: group ${g} has ${n} entries`);
    }
    expect(problems).toEqual([]);
  });

  it("covers every theme and kind", () => {
    for (const t of THEMES) expect(entries.filter((e) => e.themes[0] === t).length).toBeGreaterThanOrEqual(40);
    for (const k of PHRASE_KINDS) expect(entries.filter((e) => e.kind === k).length).toBeGreaterThanOrEqual(30);
    for (const l of [1, 2, 3]) expect(entries.filter((e) => e.kind === "标题" && e.level === l).length).toBeGreaterThanOrEqual(60);
  });
});
