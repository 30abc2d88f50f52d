import { check } from "../../../src/core/engine";
import { docFromText } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import {
  TEMPLATES,
  templateByName,
  spokenCount,
  type SkeletonOptions,
  type Template,
} from "../../../src/core/outline";
import { resolveProfile } from "../../../src/core/profiles";

const OPTION_SETS: SkeletonOptions[] = [
  { sections: 2, subsections: 0, secondLevel: "heading" },
  { sections: 3, subsections: 3, secondLevel: "heading" },
  { sections: 6, subsections: 5, secondLevel: "heading" },
  { sections: 2, subsections: 1, secondLevel: "yishi" },
  { sections: 4, subsections: 4, secondLevel: "yishi" },
  { sections: 3, subsections: 2, secondLevel: "diyi" },
  { sections: 5, subsections: 5, secondLevel: "diyi" },
];

const CASES: Array<[string, Template, SkeletonOptions]> = [];
for (const t of TEMPLATES) for (const o of [...OPTION_SETS, t.defaults]) CASES.push([`${t.name} ${o.sections}/${o.subsections}/${o.secondLevel}`, t, o]);

const CN: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const PROMISE = /(?:讲|谈|从)([两二三四五六])(?:点|个方面)/;
const BLANK = /〔[^〔〕]*〕/g;

const textOf = (t: Template, o: SkeletonOptions) => t.build(o).map((p) => p.text).join("\n");

describe("TEMPLATES", () => {
  it("has the eight templates of the issue, with unique names, descriptions and valid defaults", () => {
    const names = TEMPLATES.map((t) => t.name);
    for (const n of ["工作会议讲话", "动员部署会讲话", "总结表彰大会讲话", "培训班开班讲话", "座谈会讲话", "述职报告", "通知", "请示"]) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const t of TEMPLATES) {
      expect(t.description.length).toBeGreaterThan(5);
      expect(() => t.build(t.defaults)).not.toThrow();
    }
    expect(templateByName("通知")?.profile).toBe("gongwen");
    expect(templateByName(" 请示 ")?.name).toBe("请示");
    expect(templateByName("工作会议讲话")?.profile).toBe("speech");
    expect(templateByName("不存在")).toBeUndefined();
  });

  it.each(CASES)("%s: structure, numbering and promised count", (_name, t, o) => {
    const paras = t.build(o);
    const doc = docFromText(paras.map((p) => p.text).join("\n"));
    const outline = buildOutline(doc);

    // Title first; 称谓 / 主送机关 right where it belongs.
    expect(paras[0].role).toBe("title");
    expect(outline.title).toBe(0);
    const sal = paras.findIndex((p) => p.role === "salutation");
    expect(sal).toBeGreaterThan(0);
    if (t.profile === "speech") {
      expect(paras[sal].text).toMatch(/(同志们|朋友们)：$/);
      expect(outline.salutation).toBe(sal);
    } else {
      expect(paras[sal].text).toBe("〔主送机关〕：");
    }
    if (t.name === "通知") expect(paras[0].text).toBe("关于〔事项〕的通知");
    if (t.name === "请示") expect(paras[0].text).toBe("关于〔事项〕的请示");
    if (t.profile === "speech" && t.name !== "述职报告") expect(paras[0].text).toMatch(/^在〔.+〕.*上的讲话$/);

    // Level 1: 一、 … in sequence, exactly `sections` of them.
    const l1 = outline.headings.filter((h) => h.marker.level === 1);
    expect(l1.map((h) => h.marker.value)).toEqual(Array.from({ length: o.sections }, (_, k) => k + 1));
    expect(l1.map((h) => h.marker.raw)).toEqual(l1.map((h) => h.marker.canonical));
    expect(paras.filter((p) => p.role === "level1")).toHaveLength(o.sections);

    // Level 2 in the chosen form, restarting at 1 in every section.
    const l2 = outline.headings.filter((h) => h.marker.level === 2);
    if (o.secondLevel === "heading") {
      expect(l2).toHaveLength(o.sections * o.subsections);
      for (const h of l1) {
        expect(h.children.map((c) => c.marker.value)).toEqual(Array.from({ length: o.subsections }, (_, k) => k + 1));
        for (const c of h.children) expect(paras[c.paragraph + 1].role).toBe("body");
      }
    } else {
      expect(l2).toHaveLength(0);
      const kind = o.secondLevel;
      const lists: number[][] = [];
      outline.runIns.forEach((rs) => {
        const vals = rs.filter((r) => r.kind === kind).map((r) => r.value);
        if (vals.length) lists.push(vals);
      });
      if (kind === "yishi") {
        // one paragraph per section with 一是…；二是…
        expect(lists).toHaveLength(o.subsections === 0 ? 0 : o.sections);
        for (const l of lists) expect(l).toEqual(Array.from({ length: o.subsections }, (_, k) => k + 1));
      } else {
        // one paragraph per item: 第一， 第二，…
        expect(lists.flat()).toEqual(
          Array.from({ length: o.sections }, () => Array.from({ length: o.subsections }, (_, k) => k + 1)).flat(),
        );
        for (const l of lists) expect(l).toHaveLength(1);
      }
    }

    // The 过渡 sentence right before 一、 promises exactly `sections` (通知 / 请示 announce without a count).
    const first = paras.findIndex((p) => p.role === "level1");
    const transition = paras[first - 1].text;
    if (t.profile === "speech") {
      const m = PROMISE.exec(transition);
      expect(m).not.toBeNull();
      expect(CN[m![1]]).toBe(o.sections);
      expect(transition).toContain(spokenCount(o.sections));
    } else {
      expect(transition).toBe(t.name === "通知" ? "现将有关事项通知如下：" : "现将有关事项请示如下：");
    }

    // Closing and 落款.
    const last = paras[paras.length - 1];
    if (t.name === "通知") {
      expect(paras.slice(-3).map((p) => p.text)).toEqual(["特此通知。", "〔发文机关署名〕", "〔成文日期〕"]);
      expect(paras.slice(-2).every((p) => p.role === "signature")).toBe(true);
    } else if (t.name === "请示") {
      expect(paras.map((p) => p.text)).toContain("妥否，请批示。");
      expect(paras.filter((p) => p.role === "signature").map((p) => p.text)).toEqual(["〔发文机关署名〕", "〔成文日期〕"]);
    } else {
      expect(last.role).toBe("closing");
    }
  });

  it.each(CASES)("%s: check() finds only placeholders, one per blank", (_name, t, o) => {
    const text = textOf(t, o);
    const profile = resolveProfile(t.profile);
    const findings = check(docFromText(text), { profile });
    const blanks = text.match(BLANK) ?? [];
    expect(blanks.length).toBeGreaterThan(3);
    expect(findings.filter((f) => f.category !== "placeholder")).toEqual([]);
    expect(findings).toHaveLength(blanks.length);
    // Each finding sits on a blank.
    const lines = text.split("\n");
    for (const f of findings) expect(lines[f.paragraph].slice(f.start, f.end)).toMatch(/^〔[^〔〕]+〕$/);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))("%s: a half-filled skeleton still reports the blanks left", (_n, t) => {
    const text = textOf(t, t.defaults);
    const profile = resolveProfile(t.profile);
    const total = (text.match(BLANK) ?? []).length;
    let k = 0;
    const half = Math.floor(total / 2);
    const halfFilled = text.replace(BLANK, (m) => (k++ < half ? "有关工作" : m));
    expect(check(docFromText(halfFilled), { profile }).filter((f) => f.category === "placeholder")).toHaveLength(total - half);
    const filled = text.replace(BLANK, "有关工作");
    expect(check(docFromText(filled), { profile }).filter((f) => f.category === "placeholder")).toHaveLength(0);
  });

  it.each<[Partial<SkeletonOptions>, RegExp]>([
    [{ sections: 1 }, /部分数应为 2 到 6/],
    [{ sections: 7 }, /部分数应为 2 到 6/],
    [{ sections: 2.5 }, /部分数/],
    [{ subsections: -1 }, /二级条目数应为 0 到 5/],
    [{ subsections: 6 }, /二级条目数/],
    [{ secondLevel: "abc" as never }, /二级层次的形式/],
  ])("throws a RangeError in Chinese for %p", (bad, msg) => {
    for (const t of TEMPLATES) {
      const o = { ...t.defaults, ...bad };
      expect(() => t.build(o)).toThrow(RangeError);
      expect(() => t.build(o)).toThrow(msg);
    }
  });

  it("returns fresh objects: editing one build does not change the next", () => {
    const t = templateByName("通知")!;
    const a = t.build(t.defaults);
    a[0].text = "改了";
    expect(t.build(t.defaults)[0].text).toBe("关于〔事项〕的通知");
  });
});
