import { DOMAIN_CUES, domainMask, inferDomains } from "../../../src/core/phrases/domains";
import { DOMAINS, type Domain } from "../../../src/core/phrases/types";

const main = (text: string): Domain | undefined => {
  const w = inferDomains(text);
  let best = -1;
  for (let d = 0; d < w.length; d++) if (w[d] > 0 && (best < 0 || w[d] > w[best])) best = d;
  return best < 0 ? undefined : DOMAINS[best];
};

describe("domain cues", () => {
  it("every domain has cue words of its own", () => {
    expect(Object.keys(DOMAIN_CUES).sort()).toEqual([...DOMAINS].sort());
    for (const d of DOMAINS) {
      expect(DOMAIN_CUES[d].length).toBeGreaterThanOrEqual(12);
      const words = DOMAIN_CUES[d].map((c) => c.replace(/^~/, ""));
      expect(new Set(words).size).toBe(words.length);
      // Most cues are the office's own words; general ones (~) are the exception.
      expect(DOMAIN_CUES[d].filter((c) => !c.startsWith("~")).length).toBeGreaterThan(words.length / 2);
    }
  });
});

describe("inferDomains", () => {
  it.each<[string, Domain]>([
    ["全面加强教师队伍建设", "教育"],
    ["深入落实立德树人根本任务", "教育"],
    ["推动县域经济高质量发展", "经济发展"],
    ["持之以恒正风肃纪", "党建与党风廉政"],
    ["扎实推进和美乡村建设", "乡村振兴与农业农村"],
    ["持续打好蓝天碧水净土保卫战", "生态环保"],
    ["深入开展安全生产治本攻坚", "安全生产与应急"],
    ["持续优化营商环境", "营商环境与改革"],
    ["兜牢兜实基本民生底线", "民生与社会保障"],
    ["加快建设高水平创新平台", "科技创新"],
    ["牢牢掌握意识形态工作领导权", "宣传文化"],
    ["深化医药卫生体制改革", "卫生健康"],
    ["扎实推进平安建设", "政法与平安建设"],
    ["提升社区网格化治理水平", "基层治理"],
    ["深入推进降本增效", "企业经营管理"],
    ["大力发现培养选拔优秀年轻干部", "干部人才队伍"],
    ["全面提高办文办会办事水平", "通用/办公室"],
  ])("「%s」→ %s", (text, domain) => {
    expect(main(text)).toBe(domain);
  });

  it("is all zero when no office's words appear", () => {
    expect(main("进一步增强纪律意识")).not.toBe("教育");
    expect([...inferDomains("")].every((x) => x === 0)).toBe(true);
    expect([...inferDomains("hello")].every((x) => x === 0)).toBe(true);
  });

  it("never throws on long or odd text", () => {
    for (const s of ["\ud800教育", "教育".repeat(100000), "，。"]) expect(inferDomains(s)).toHaveLength(DOMAINS.length);
  });
});

describe("domainMask", () => {
  it("sets one bit per known domain and ignores the rest", () => {
    expect(domainMask(["教育"])).toBe(1 << DOMAINS.indexOf("教育"));
    expect(domainMask(["教育", "通用/办公室", "不存在"])).toBe((1 << DOMAINS.indexOf("教育")) | 1);
    expect(domainMask(undefined)).toBe(0);
    expect(domainMask("教育")).toBe(0);
  });
});
