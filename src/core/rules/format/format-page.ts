/**
 * format-page: A4 paper and the GB/T 9704-2012 5.2.1 margins (top 37, bottom 35, left 28,
 * right 26 mm, giving a 156 mm × 225 mm 版心). Landscape A4 sections (wide tables) are
 * accepted; their margins are not checked.
 */
import type { Section } from "../../model";
import type { FormatSpec } from "../../profiles";
import type { PagePatch, Rule } from "../types";

const EPS = 1e-6;

function mm(n: number): string {
  return `${Math.round(n * 10) / 10} mm`;
}

type Page = FormatSpec["page"];

function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol + EPS;
}

/** What is wrong with one section, and the patch that sets it right; undefined when fine. */
function inspect(s: Section, page: Page): { problems: string[]; patch: PagePatch } | undefined {
  const tol = page.toleranceMm;
  const problems: string[] = [];
  const patch: PagePatch = {};
  const portrait = near(s.pageWidthMm, page.widthMm, tol) && near(s.pageHeightMm, page.heightMm, tol);
  const landscape = near(s.pageWidthMm, page.heightMm, tol) && near(s.pageHeightMm, page.widthMm, tol);
  if (!portrait && !landscape) {
    problems.push(`纸张应为A4（${page.widthMm} mm×${page.heightMm} mm），现为${mm(s.pageWidthMm)}×${mm(s.pageHeightMm)}`);
    const wide = s.pageWidthMm > s.pageHeightMm;
    patch.pageWidthMm = wide ? page.heightMm : page.widthMm;
    patch.pageHeightMm = wide ? page.widthMm : page.heightMm;
  }
  // Margins are laid down for the portrait page; a landscape table page keeps its own.
  if (!landscape) {
    const margins: Array<[keyof PagePatch & keyof Section, string, number]> = [
      ["marginTopMm", "上边距", page.marginTopMm],
      ["marginBottomMm", "下边距", page.marginBottomMm],
      ["marginLeftMm", "左边距", page.marginLeftMm],
      ["marginRightMm", "右边距", page.marginRightMm],
    ];
    for (const [key, name, want] of margins) {
      const have = s[key] as number;
      if (!near(have, want, tol)) {
        problems.push(`${name}应为${mm(want)}，现为${mm(have)}`);
        patch[key] = want;
      }
    }
  }
  return problems.length ? { problems, patch } : undefined;
}

export const formatPage: Rule = {
  id: "format-page",
  category: "format.page",
  severity: "warning",
  title: "页面设置",
  description: "检查纸张为A4，页边距上37 mm、下35 mm、左28 mm、右26 mm（版心156 mm×225 mm）。",
  source: "GB/T 9704-2012 5.1, 5.2.1",
  needsFormatting: true,
  messages: { "page-setup": "纸张与页边距" },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    if (doc.paragraphs.length === 0) return;
    const page = ctx.profile.format.page;
    const textWidth = page.widthMm - page.marginLeftMm - page.marginRightMm;
    const textHeight = page.heightMm - page.marginTopMm - page.marginBottomMm;
    const core = `版心 ${Math.round(textWidth * 10) / 10} mm × ${Math.round(textHeight * 10) / 10} mm`;
    // Sections set up the same way give one finding.
    const groups = new Map<string, { sections: number[]; problems: string[]; patch: PagePatch }>();
    doc.sections.forEach((s, k) => {
      const r = inspect(s, page);
      if (!r) return;
      const key = r.problems.join("；");
      const g = groups.get(key);
      if (g) g.sections.push(k + 1);
      else groups.set(key, { sections: [k + 1], ...r });
    });
    const many = doc.sections.length > 1;
    for (const g of groups.values()) {
      const where = many && g.sections.length < doc.sections.length ? `第${g.sections.join("、")}节` : "";
      const message = `${where}页面设置不符合公文版式：${g.problems.join("；")}（${core}）`;
      ctx.report({
        paragraph: 0,
        start: 0,
        end: 0,
        message,
        messageId: "page-setup",
        fix: { description: `按 GB/T 9704 设置页面（${core}）`, page: g.patch },
      });
    }
  },
};
