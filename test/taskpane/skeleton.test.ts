import { parseMarker } from "../../src/core/numbering/markers";
import { buildSpeechSkeleton, chineseNumeral } from "../../src/taskpane/skeleton";

describe("chineseNumeral", () => {
  test.each([
    [1, "一"],
    [2, "二"],
    [6, "六"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [99, "九十九"],
  ])("%i → %s", (n, s) => expect(chineseNumeral(n)).toBe(s));
  test("out of range throws", () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });
});

describe("buildSpeechSkeleton", () => {
  test.each([
    [2, 0],
    [3, 2],
    [4, 3],
    [6, 5],
  ])("%i sections × %i subsections: numbering and promised count agree", (sections, subsections) => {
    const sk = buildSpeechSkeleton(sections, subsections);
    expect(sk[0]).toEqual({ role: "title", text: "在〔会议名称〕上的讲话" });
    expect(sk[1]).toEqual({ role: "salutation", text: "同志们：" });
    expect(sk[sk.length - 1].role).toBe("closing");
    expect(sk[sk.length - 1].text.startsWith("同志们，")).toBe(true);

    const promise = sk.find((p) => /下面，我讲.+点意见。/.test(p.text));
    expect(promise?.text).toBe(`下面，我讲${chineseNumeral(sections)}点意见。`);

    const level1 = sk.filter((p) => p.role === "level1");
    expect(level1.map((p) => parseMarker(p.text)?.value)).toEqual(Array.from({ length: sections }, (_, i) => i + 1));
    expect(level1.every((p) => parseMarker(p.text)?.kind === "cn-dun" && parseMarker(p.text)?.faults.length === 0)).toBe(true);

    // Under each 一、 the （一） sub-headings restart at 一 and run 1..subsections, each followed by a body paragraph.
    const starts = sk.map((p, i) => (p.role === "level1" ? i : -1)).filter((i) => i >= 0);
    for (let s = 0; s < starts.length; s++) {
      const end = s + 1 < starts.length ? starts[s + 1] : sk.length - 1;
      const part = sk.slice(starts[s] + 1, end);
      const subs = part.filter((p) => p.role === "level2");
      expect(subs.map((p) => parseMarker(p.text)?.value)).toEqual(Array.from({ length: subsections }, (_, i) => i + 1));
      expect(subs.every((p) => parseMarker(p.text)?.kind === "cn-paren" && parseMarker(p.text)?.faults.length === 0)).toBe(true);
      expect(part.filter((p) => p.role === "body")).toHaveLength(Math.max(1, subsections));
      part.forEach((p, i) => {
        if (p.role === "level2") expect(part[i + 1]?.role).toBe("body");
      });
    }
    expect(sk).toHaveLength(4 + sections * (1 + Math.max(1, subsections * 2)) + 1);
  });

  test("rejects counts outside 2–6 sections and 0–5 subsections", () => {
    expect(() => buildSpeechSkeleton(1, 2)).toThrow(RangeError);
    expect(() => buildSpeechSkeleton(7, 2)).toThrow(RangeError);
    expect(() => buildSpeechSkeleton(3, -1)).toThrow(RangeError);
    expect(() => buildSpeechSkeleton(3, 6)).toThrow(RangeError);
    expect(() => buildSpeechSkeleton(2.5, 1)).toThrow(RangeError);
  });
});
