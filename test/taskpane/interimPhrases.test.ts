import { GENERAL_PHRASES, INTERIM_THEMES, suggestPhrases } from "../../src/taskpane/interimPhrases";

describe("suggestPhrases (interim)", () => {
  test("has about forty phrases, none repeated", () => {
    const all = [...INTERIM_THEMES.flatMap((t) => t.phrases), ...GENERAL_PHRASES].map((p) => p.text);
    expect(all.length).toBeGreaterThanOrEqual(38);
    expect(new Set(all).size).toBe(all.length);
  });

  test("matches the theme of the heading by keyword", () => {
    const s = suggestPhrases("三、守牢安全底线", 1);
    const safety = INTERIM_THEMES.find((t) => t.name === "安全稳定")!.phrases.map((p) => p.text);
    expect(s.length).toBeGreaterThan(0);
    expect(s.every((p) => safety.includes(p.text))).toBe(true);
  });

  test("under a top-level heading sub-headings come first; deeper, sentences come first", () => {
    expect(suggestPhrases("一、加强组织领导", 1)[0].kind).toBe("heading");
    expect(suggestPhrases("（二）加强组织领导", 2)[0].kind).toBe("sentence");
  });

  test("the best-matching theme comes first", () => {
    // 作风 + 纪律 (作风建设) outweigh 领导 (加强领导).
    const first = suggestPhrases("（一）加强领导，严明作风纪律", 2)[0];
    expect(INTERIM_THEMES.find((t) => t.name === "作风建设")!.phrases).toContainEqual(first);
  });

  test("no heading or no match gives the general phrases, at most eight", () => {
    expect(suggestPhrases(undefined, undefined)).toEqual(GENERAL_PHRASES.slice(0, 8));
    expect(suggestPhrases("二、其他事项", 1)).toEqual(GENERAL_PHRASES.slice(0, 8));
    expect(suggestPhrases("一、落实 推进 任务 领导 组织 保障 群众 服务 发展", 1).length).toBeLessThanOrEqual(8);
  });
});
