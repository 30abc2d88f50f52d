import {
  bigramKey,
  bigramSet,
  containment,
  forEachTextTerm,
  jaccard,
  queryTerms,
  unigramKey,
  wordKey,
  W_BIGRAM_ACROSS,
  W_BIGRAM_IN_WORD,
  type Segment,
} from "../../../src/core/phrases/tokenize";

const key = (s: string) => (s.length === 1 ? unigramKey(s.charCodeAt(0)) : bigramKey(s.charCodeAt(0), s.charCodeAt(1)));
const terms = (text: string) => {
  const out: number[] = [];
  forEachTextTerm(text, (k) => out.push(k));
  return out;
};

/** A segmenter that cuts the text at the given lengths, to stand in for differing ICU builds. */
const cutter = (...lens: number[]): Segment => (text) => {
  const out: Array<[number, number]> = [];
  let i = 0;
  for (const l of lens) {
    if (i >= text.length) break;
    out.push([i, Math.min(text.length, i + l)]);
    i += l;
  }
  if (i < text.length) out.push([i, text.length]);
  return out;
};

describe("entry terms", () => {
  it("are the Han unigrams and bigrams, broken at punctuation", () => {
    expect(terms("转变作风")).toEqual([key("转"), key("变"), key("转变"), key("作"), key("变作"), key("风"), key("作风")]);
    const t = terms("保密，涉密");
    expect(t).toContain(key("保密"));
    expect(t).toContain(key("涉密"));
    expect(t).not.toContain(key("密涉"));
  });

  it("fold Latin and digits (half- and full-width) into lower-case words", () => {
    expect(terms("OA系统")).toEqual([wordKey("oa"), key("系"), key("统"), key("系统")]);
    expect(terms("ＯＡ")).toEqual([wordKey("oa")]);
    expect(terms("5G 网络")).toContain(wordKey("5g"));
  });

  it("ignore text with nothing to index", () => {
    expect(terms("")).toEqual([]);
    expect(terms("，。！？……——")).toEqual([]);
  });
});

describe("query terms", () => {
  it("keep every bigram whatever the segmenter, weighting in-word bigrams higher", () => {
    const q = queryTerms("转变作风", cutter(2, 2)); // 转变|作风
    expect(q.get(key("转变"))).toBe(W_BIGRAM_IN_WORD);
    expect(q.get(key("作风"))).toBe(W_BIGRAM_IN_WORD);
    expect(q.get(key("变作"))).toBe(W_BIGRAM_ACROSS);
  });

  it("give the same term set under different segmentations (only weights differ)", () => {
    const text = "注重修养，切实加强办公室工作人员的素质建设";
    const a = queryTerms(text, cutter(2, 2, 1, 2, 2, 3, 2, 2, 1, 2, 2));
    const b = queryTerms(text, cutter(1, 1, 2, 1, 4, 5, 3, 4));
    const c = queryTerms(text, null);
    const keys = (m: Map<number, number>) => [...m.keys()].sort((x, y) => x - y);
    expect(keys(a)).toEqual(keys(b));
    expect(keys(a)).toEqual(keys(c));
    expect(a.get(key("素质"))).toBe(W_BIGRAM_IN_WORD);
  });

  it("use Intl.Segmenter by default and survive a segmenter that throws", () => {
    expect(queryTerms("进一步转变作风").get(key("作风"))).toBe(W_BIGRAM_IN_WORD);
    const bad: Segment = () => {
      throw new Error("boom");
    };
    expect(queryTerms("转变作风", bad).get(key("作风"))).toBe(W_BIGRAM_IN_WORD);
  });

  it("are empty for empty or punctuation-only text", () => {
    expect(queryTerms("").size).toBe(0);
    expect(queryTerms("，。！").size).toBe(0);
  });
});

describe("bigram sets", () => {
  it("measure near-duplicates by Jaccard and containment", () => {
    const a = bigramSet("要牢固树立保密意识，严防失密泄密事件发生。");
    const b = bigramSet("要牢固树立保密意识，严防失密泄密事件的发生。");
    const c = bigramSet("学习是立身之本。");
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.6);
    expect(jaccard(a, c)).toBe(0);
    expect(jaccard(a, a)).toBe(1);
    expect(containment(bigramSet("保密意识"), a)).toBe(1);
    expect(containment(bigramSet("保密纪律"), a)).toBeCloseTo(1 / 3);
    expect(containment(bigramSet(""), a)).toBe(0);
  });

  it("are sorted and distinct", () => {
    const s = bigramSet("保密保密保密");
    expect([...s]).toEqual([key("保密"), key("密保")].sort((x, y) => x - y));
  });
});
