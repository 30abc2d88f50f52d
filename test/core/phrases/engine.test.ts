import { analyzeQuery, buildIndex, cleanHeading, suggest, type Suggestion } from "../../../src/core/phrases";
import { bigramSet, jaccard } from "../../../src/core/phrases/tokenize";
import { THEMES, type PhraseEntry } from "../../../src/core/phrases/types";
import { FIXTURE } from "./fixture";

const index = buildIndex(FIXTURE);
const texts = (s: Suggestion[]) => s.map((x) => x.entry.text);
const themesOf = (s: Suggestion[]) => s.map((x) => x.entry.themes);

describe("cleanHeading", () => {
  it.each([
    ["一、加强作风建设", "加强作风建设", 1],
    ["（二）强化涉密文件管理", "强化涉密文件管理", 2],
    ["(二) 强化涉密文件管理", "强化涉密文件管理", 2],
    ["3. 勤于读书，善于思考。", "勤于读书，善于思考", 3],
    ["一是要加强学习。", "要加强学习", undefined],
    ["第二，要向实践学习。", "要向实践学习", undefined],
    ["首先，要讲政治", "要讲政治", undefined],
    ["二、第一，要忠诚可靠", "要忠诚可靠", 1],
    ["  “坚持求真务实”  ", "坚持求真务实", undefined],
    ["2024年工作安排", "2024年工作安排", undefined],
  ])("「%s」→「%s」", (heading, text, level) => {
    const r = cleanHeading(heading);
    expect(r.text).toBe(text);
    expect(r.markerLevel).toBe(level);
  });

  it("takes the level from query.level before the marker", () => {
    expect(analyzeQuery({ heading: "一、加强学习", level: 2 }).level).toBe(2);
    expect(analyzeQuery({ heading: "一、加强学习" }).level).toBe(1);
    expect(analyzeQuery({ heading: "加强学习", level: 7 }).level).toBeUndefined();
  });
});

describe("BM25 ranking on the fixture library", () => {
  it("puts the entries sharing the query's rare words first", () => {
    const r = suggest(index, { heading: "坚决反对形式主义官僚主义" }, 3);
    expect(r[0].entry.text).toBe("坚决反对形式主义官僚主义");
    expect(r[1].entry.text).toBe("作风建设永远在路上，要以钉钉子精神纠治形式主义、官僚主义。");
  });

  it("ranks more shared terms above fewer (same theme)", () => {
    const r = texts(suggest(index, { heading: "涉密文件管理" }, 10));
    expect(r.indexOf("强化涉密文件管理")).toBe(0);
    expect(r.indexOf("要严格执行保密纪律，涉密文件做到专人管理、专柜存放。")).toBeLessThan(r.indexOf("筑牢网络安全防线"));
  });

  it("combines terms with OR: a word the library lacks does not drop the hits of the others", () => {
    const r = suggest(index, { heading: "量子纠缠与保密纪律" }, 3);
    expect(r[0].entry.themes).toContain("保密");
    expect(texts(r)).toContain("严守保密纪律，筑牢安全防线");
  });

  it("returns scores in descending order and never more than asked", () => {
    const r = suggest(index, { heading: "加强学习" }, 7);
    expect(r).toHaveLength(7);
    for (let i = 1; i < r.length; i++) expect(r[i - 1].score).toBeGreaterThanOrEqual(r[i].score);
    expect(suggest(index, { heading: "加强学习" }, 0)).toEqual([]);
    expect(suggest(index, { heading: "加强学习" }, 1000)).toHaveLength(FIXTURE.length - 2); // two near-duplicates dropped
  });

  it("gives the same top hits with or without a segmenter", () => {
    const q = { heading: "二、严守保密纪律，强化涉密文件管理" };
    const withSeg = suggest(index, q, 5);
    const noSeg = suggest(index, q, 5, null);
    expect(texts(noSeg).slice(0, 2)).toEqual(texts(withSeg).slice(0, 2));
    expect(new Set(texts(noSeg))).toEqual(new Set(texts(withSeg)));
  });
});

describe("theme inference lifts entries of the heading's themes", () => {
  it.each([
    ["二、进一步转变作风提升效能", "作风"],
    ["一、严守保密纪律", "保密"],
    ["三、坚持廉洁自律", "廉洁"],
    ["（一）做好协调工作", "协调"],
  ])("「%s」: the top two are about %s", (heading, theme) => {
    const r = suggest(index, { heading }, 2);
    for (const t of themesOf(r)) expect(t).toContain(theme);
  });

  it("an entry with the theme but no shared words beats one with shared words and another theme", () => {
    // 「服务」 appears nowhere in the query; the lexicon maps 当好参谋 to 服务.
    const r = suggest(index, { heading: "围绕中心当好参谋" }, 2);
    expect(r[0].entry.themes).toContain("服务");
  });
});

describe("kind by position", () => {
  it("offers 开头 at the top of the speech and after 同志们：", () => {
    for (const context of [{ position: "start" as const }, { before: "同志们：" }, { before: "" }]) {
      const r = suggest(index, { heading: "", context }, 2);
      expect(r.map((x) => x.entry.kind)).toEqual(["开头", "开头"]);
    }
  });

  it("offers 过渡 before 下面 and between sections", () => {
    for (const context of [
      { after: "下面，我讲三点意见。" },
      { position: "middle" as const },
      { before: "要把保密工作抓紧抓实。", after: "二、加强作风建设" },
    ]) {
      const r = suggest(index, { heading: "", context }, 2);
      expect(r.map((x) => x.entry.kind)).toEqual(["过渡", "过渡"]);
    }
  });

  it("offers 结尾 near the end", () => {
    for (const context of [{ position: "end" as const }, { before: "三、加强领导", after: "" }]) {
      const r = suggest(index, { heading: "", context }, 2);
      expect(r.map((x) => x.entry.kind)).toEqual(["结尾", "结尾"]);
    }
  });

  it("under a level-L heading prefers 标题 of level L+1 and 正文 of the theme", () => {
    const r1 = suggest(index, { heading: "一、切实加强作风建设" }, 6);
    const headings1 = r1.filter((x) => x.entry.kind === "标题");
    expect(headings1.length).toBeGreaterThan(0);
    expect(headings1.filter((x) => x.entry.level === 2).length).toBeGreaterThanOrEqual(2);
    expect(r1.every((x) => x.entry.kind === "标题" || x.entry.kind === "正文" || x.entry.kind === "排比")).toBe(true);
    const r2 = suggest(index, { heading: "（一）加强作风建设" }, 4);
    const firstHeading = r2.find((x) => x.entry.kind === "标题");
    expect(firstHeading?.entry.level).toBe(3);
  });

  it("the same heading with a different level changes the headings offered", () => {
    const rankOf = (level: number, text: string) => texts(suggest(index, { heading: "严守保密纪律", level }, 10)).indexOf(text);
    expect(rankOf(1, "强化涉密文件管理")).toBeLessThan(rankOf(2, "强化涉密文件管理")); // a level-2 heading
    expect(rankOf(2, "筑牢网络安全防线")).toBeLessThan(rankOf(1, "筑牢网络安全防线")); // a level-3 heading
  });

  it("under a heading, does not offer the heading itself reworded; as a search it does", () => {
    const under = texts(suggest(index, { heading: "一、严守保密纪律" }, 10));
    expect(under).not.toContain("严守保密纪律，筑牢安全防线");
    expect(under).toContain("强化涉密文件管理");
    const search = texts(suggest(index, { heading: "严守保密纪律" }, 10));
    expect(search[0]).toBe("严守保密纪律，筑牢安全防线");
  });
});

describe("variety", () => {
  it("keeps near-duplicates out (bigram Jaccard ≥ 0.6 with an earlier pick)", () => {
    const r = suggest(index, { heading: "牢固树立保密意识，严防失密泄密" }, 10);
    const sets = r.map((x) => bigramSet(x.entry.text));
    for (let i = 0; i < sets.length; i++) for (let j = 0; j < i; j++) expect(jaccard(sets[i], sets[j])).toBeLessThan(0.6);
    expect(texts(r).filter((t) => t.startsWith("要牢固树立保密意识"))).toHaveLength(1);
  });

  it("allows at most two members of one parallel group in the top five", () => {
    const r = suggest(index, { heading: "一要讲党性，二要讲悟性，三要讲耐性，四要讲韧性" }, 5);
    expect(r.filter((x) => x.entry.group === "g-jiang").length).toBeLessThanOrEqual(2);
    // The rest come back after the top five.
    const r10 = suggest(index, { heading: "一要讲党性，二要讲悟性，三要讲耐性，四要讲韧性" }, 10);
    expect(r10.filter((x) => x.entry.group === "g-jiang").length).toBeGreaterThan(2);
  });

  it("lets the group through when the query is the group itself", () => {
    const r = suggest(index, { heading: "讲党性、讲悟性、讲耐性" }, 5);
    expect(r[0].entry.text).toBe("讲党性、讲悟性、讲耐性");
    expect(r.filter((x) => x.entry.group === "g-jiang").length).toBeGreaterThan(2);
  });

  it("drops exact duplicate texts even outside the top five", () => {
    const dup = FIXTURE.find((x) => x.text.startsWith("一年来"))!;
    const lib: PhraseEntry[] = [...FIXTURE, { ...dup, id: "fx-dup" }];
    const r = suggest(buildIndex(lib), { heading: "成绩" }, 40);
    expect(new Set(texts(r)).size).toBe(r.length);
  });
});

describe("odd input never throws and still suggests", () => {
  const odd: unknown[] = [
    "",
    "，。！？、；：",
    "hello world",
    "一、",
    "（一）",
    "办公室".repeat(700),
    "同志们：今天召开会议。".repeat(200),
    "\u0000\uffff\ud800",
    undefined,
    null,
    42,
  ];
  it.each(odd.map((h) => [typeof h === "string" && h.length > 20 ? `${h.slice(0, 12)}…(${h.length})` : String(h), h]))(
    "%s",
    (_label, heading) => {
      const r = suggest(index, { heading: heading as string }, 5);
      expect(r).toHaveLength(5);
      for (const s of r) expect(Number.isFinite(s.score)).toBe(true);
    },
  );

  it("falls back to kind fit and general entries for an empty query", () => {
    const r = suggest(index, { heading: "" }, 5);
    expect(r.every((x) => ["正文", "标题", "排比"].includes(x.entry.kind))).toBe(true);
  });

  it("copes with odd queries, limits and libraries", () => {
    expect(() => suggest(index, null as never)).not.toThrow();
    expect(suggest(index, { heading: "保密", level: Number.NaN, context: { before: 5 as never, position: "x" as never } }, 3)).toHaveLength(3);
    expect(suggest(index, { heading: "保密" }, Number.NaN)).toHaveLength(10);
    expect(suggest(index, { heading: "保密" }, -3)).toEqual([]);
    expect(suggest(buildIndex([]), { heading: "保密" })).toEqual([]);
    const weird = buildIndex([{ id: "w", text: "！！！", kind: "正文", themes: [] }, { id: "v", text: "保密", kind: "奇怪" as never, themes: ["不存在" as never] }]);
    expect(suggest(weird, { heading: "保密" }, 5).map((x) => x.entry.id)).toEqual(["v", "w"]);
  });

  it("a 2,000-character paragraph as the heading still finds its themes", () => {
    const para = "保密工作是一项政治任务，必须严格执行保密纪律，加强涉密文件管理。".repeat(65).slice(0, 2000);
    const r = suggest(index, { heading: para }, 3);
    for (const t of themesOf(r)) expect(t).toContain("保密");
  });
});

describe("index", () => {
  it("keeps one theme slot per theme and knows every entry", () => {
    expect(index.entries).toHaveLength(FIXTURE.length);
    expect(index.kind).toHaveLength(FIXTURE.length);
    for (let d = 0; d < FIXTURE.length; d++) {
      const slots = [...index.themes.subarray(d * 3, d * 3 + 3)].filter((t) => t !== 255).map((t) => THEMES[t]);
      expect(slots).toEqual(FIXTURE[d].themes);
    }
  });
});

describe("the part of the speech (from the host) decides the kind", () => {
  it.each([
    ["一、进一步强化作风建设", "closing", "结尾"],
    ["", "closing", "结尾"],
    ["同志们，保密工作责任重大", "closing", "结尾"],
    ["", "opening", "开头"],
    ["同志们", "opening", "开头"],
  ] as const)("「%s」 in the %s → %s first", (heading, part, kind) => {
    const r = suggest(index, { heading, context: { part } }, 2);
    expect(r.map((x) => x.entry.kind)).toEqual([kind, kind]);
  });

  it("in a section, a heading gets body phrases, not the closing call", () => {
    const r = suggest(index, { heading: "一、进一步强化作风建设", context: { part: "section" } }, 5);
    expect(r.some((x) => x.entry.kind === "结尾" || x.entry.kind === "开头")).toBe(false);
  });
});

describe("domains", () => {
  let m = 0;
  const e = (text: string, kind: PhraseEntry["kind"], themes: PhraseEntry["themes"], domains?: PhraseEntry["domains"]): PhraseEntry => ({
    id: `dm-${++m}`,
    text,
    kind,
    themes,
    ...(domains ? { domains } : {}),
  });
  const lib = [
    e("要把教师队伍建设作为基础工作来抓，关心教师成长。", "正文", ["队伍建设"], ["教育"]),
    e("要把干部队伍建设作为基础工作来抓，关心干部成长。", "正文", ["队伍建设"], ["干部人才队伍"]),
    e("要把应急救援队伍建设作为基础工作来抓。", "正文", ["队伍建设"], ["安全生产与应急"]),
    e("要建设一支忠诚干净担当的队伍。", "正文", ["队伍建设"]),
    e("要抓好学校安全工作，守护师生平安。", "正文", ["落实"], ["教育"]),
    e("要加强党风廉政建设，守住廉洁底线。", "正文", ["廉洁"], ["党建与党风廉政"]),
  ];
  const idx = buildIndex(lib);

  it("a heading with an office's words lifts that office's entries among entries of the same theme", () => {
    expect(suggest(idx, { heading: "加强学校队伍建设" }, 1)[0].entry.domains).toEqual(["教育"]);
    expect(suggest(idx, { heading: "加强应急队伍建设" }, 1)[0].entry.domains).toEqual(["安全生产与应急"]);
  });

  it("a domain filter keeps only that domain's entries and entries naming none", () => {
    const r = suggest(idx, { heading: "加强队伍建设", domain: "教育" }, 10);
    expect(r.map((x) => x.entry.text).sort()).toEqual([lib[0].text, lib[3].text, lib[4].text].sort());
    expect(suggest(idx, { heading: "", domain: "卫生健康" }, 10).map((x) => x.entry.text)).toEqual([lib[3].text]);
    // An unknown domain filters nothing.
    expect(suggest(idx, { heading: "加强队伍建设", domain: "不存在" as never }, 10)).toHaveLength(lib.length);
  });

  it("an entry that holds the whole search comes first", () => {
    const r = suggest(index, { heading: "涉密文件管理" }, 3);
    expect(r[0].entry.text).toBe("强化涉密文件管理");
  });
});
