/**
 * A formatted multi-page document as a person sees it (issue #13, Tests): a 公文 and a speech,
 * drafted the way a clerk types them in Word (one default style, no page numbers; written with the
 * `docx` package), go through `biganzi format` (the CLI in-process), then LibreOffice prints them
 * to PDF and pdftoppm draws pages 1 and 2 as test-output/e2e/formatted-*.png for a person to look
 * at. The PDF's text shows what survived the round trip through a real word processor: the page
 * numbers 「— 1 —」「— 2 —」 in the footers, the title, and the 版记 lines (抄送, 印发).
 *
 * Needs soffice and pdftoppm (scripts/setup.sh installs them; CI runs it): without one of them
 * the tests are skipped, saying why. pdftotext comes with pdftoppm (poppler-utils).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { runCli } from "../helpers/cliRun";
import { gongwenProfile } from "../../src/core/profiles";
import { decodePng, nearDark, nearWhite, shareOf, type Pixels } from "../e2e/png";
import { findSoffice, pdfPages, printToPdf, renderPage, which } from "./render";

const shots = path.join(__dirname, "..", "..", "test-output", "e2e");
const soffice = findSoffice();
const pdftoppm = which("pdftoppm");
const pdftotext = which("pdftotext");
const missing = [!soffice && "LibreOffice (soffice)", !pdftoppm && "pdftoppm", !pdftotext && "pdftotext"].filter(Boolean);
if (missing.length > 0) console.warn(`跳过排版后文档的 LibreOffice 打印测试：未安装 ${missing.join("、")}（运行 bash scripts/setup.sh 安装）。`);
const describeRendered = missing.length === 0 ? describe : describe.skip;

// ---------------------------------------------------------------------------
// The drafts. The templates of `biganzi new` stop at 署名 and 成文日期 (no 版记), so the 公文
// here is drafted in full, 版记 included, the way such a notice is sent out.

const TITLE_GW = "关于做好2026年冬季安全生产工作的通知";
const TITLE_SPEECH = "在全市安全生产工作会议上的讲话";
const COPY_TO = "抄送：市委办公室，市人大常委会办公室，市政协办公室，市中级人民法院，市人民检察院。";
const PRINTER = "市人民政府办公室　　　　　　　　2026年11月20日印发";

/** Sentences of sound official prose; a paragraph takes a few of them in turn. */
const PROSE = [
  "各级各部门要把安全生产摆在更加突出的位置，坚持人民至上、生命至上，统筹发展和安全。",
  "要严格落实企业主体责任、部门监管责任和属地管理责任，层层压实责任，确保责任落实到岗到人。",
  "要聚焦危险化学品、道路交通、建筑施工、城镇燃气等重点行业领域，深入开展隐患排查整治。",
  "对排查发现的问题隐患，要建立台账清单，明确整改措施、责任单位和完成时限，实行闭环管理。",
  "要加强应急值守，严格执行领导带班和24小时值班制度，确保信息畅通、反应迅速、处置有力。",
  "要加大执法检查力度，对违法违规行为依法从严查处，形成有力震慑。",
];

function prose(from: number, count: number): string {
  let s = "";
  for (let k = 0; k < count; k++) s += PROSE[(from + k) % PROSE.length];
  return s;
}

/** The 公文 as typed: title, 主送机关, body with 一、（一） headings, 落款, 成文日期, 附注, 版记. */
function gongwenLines(): string[] {
  const lines = [TITLE_GW, "各区县人民政府，市政府各部门，各有关单位：", "为切实做好今冬明春安全生产工作，有效防范和遏制各类生产安全事故，经市政府同意，现就有关事项通知如下："];
  const sections = ["提高思想认识", "突出重点领域", "强化督导检查", "加强组织保障"];
  const subs = ["压实安全责任", "深化隐患排查", "严格执法检查"];
  sections.forEach((sec, i) => {
    lines.push(`${"一二三四"[i]}、${sec}`);
    subs.forEach((sub, j) => lines.push(`（${"一二三"[j]}）${sub}。${prose(i + j, 3)}`));
  });
  lines.push("特此通知。", "", "市人民政府办公室", "2026年11月20日", "（此件公开发布）", COPY_TO, PRINTER);
  return lines;
}

/** The speech as typed: title, date line, 同志们, opening, 一、（一） headings, closing. */
function speechLines(): string[] {
  const lines = [TITLE_SPEECH, "（2026年11月20日）", "同志们：", "今天召开全市安全生产工作会议，主要任务是分析当前形势，部署今冬明春安全生产工作。下面，我讲三点意见。"];
  const sections = ["认清形势，切实增强做好安全生产工作的责任感", "突出重点，全力抓好安全生产各项任务落实", "强化保障，确保各项措施落地见效"];
  sections.forEach((sec, i) => {
    lines.push(`${"一二三"[i]}、${sec}`);
    for (let j = 0; j < 3; j++) lines.push(prose(i * 3 + j, 4));
  });
  lines.push("同志们，做好安全生产工作责任重大、使命光荣。让我们共同努力，确保全市安全生产形势持续稳定向好。", "谢谢大家。");
  return lines;
}

/** A .docx as a clerk's draft: every line a paragraph in the default style, 宋体. */
async function draftDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: "biganzi tests",
    sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: "宋体" } })] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Text without any white space (pdftotext spaces out justified lines and splits long ones). */
const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** The line holding the page number `n` (「— n —」; pdftotext may drop the narrow spaces). */
const pageNumberLine = (page: string, n: number) => page.split("\n").find((l) => new RegExp(`^\\s*— ?${n} ?—\\s*$`).test(l));

interface Printed {
  pages: string[];
  /** Pages 1 and 2 as PNG (kept in test-output/e2e/). */
  pngs: string[];
  /** The last page as PNG (in the work folder), where the 版记 is: the 公文's. */
  lastPng?: string;
  /** The words of the last page with their boxes (`pdftotext -bbox`), and its height: the 公文's. */
  lastWords?: Word[];
  lastHeightPt?: number;
}

/** A word as `pdftotext -bbox` places it, in points from the top left of the page. */
interface Word {
  text: string;
  yMin: number;
  yMax: number;
}

/** The words of page `page` of `pdf` with their boxes, and the page's height in points. */
function wordBoxes(pdf: string, page: number): { words: Word[]; heightPt: number } {
  const html = execFileSync(pdftotext!, ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const heightPt = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
  const words: Word[] = [];
  for (const m of html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ text: m[3], yMin: Number(m[1]), yMax: Number(m[2]) });
  }
  return { words, heightPt };
}

/** The box of the printed line that holds the first (or last) word starting with `head`. */
function lineBox(words: Word[], head: string, which: "first" | "last" = "first"): { top: number; bottom: number } {
  const hits = words.filter((w) => w.text.startsWith(head));
  const first = which === "first" ? hits[0] : hits[hits.length - 1];
  if (!first) throw new Error(`no word 「${head}」 on the page`);
  // The words of the same printed line: their boxes overlap the first word's vertically.
  const same = words.filter((w) => w.yMin < first.yMax && w.yMax > first.yMin);
  return { top: Math.min(...same.map((w) => w.yMin)), bottom: Math.max(...same.map((w) => w.yMax)) };
}

/**
 * The rows of ink that run across most of the 版心: ruled lines (a border, a separator), never
 * text, whose characters leave gaps. Adjacent rows count as one line; returns each line's top row.
 */
function ruledLines(px: Pixels, minRun: number): number[] {
  const tops: number[] = [];
  let previous = -2;
  for (let y = 0; y < px.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < px.width; x++) {
      const i = (y * px.width + x) * 4;
      // Darker than the paper: a thin rule is drawn grey at 60 dpi.
      run = px.rgba[i] < 200 && px.rgba[i + 1] < 200 && px.rgba[i + 2] < 200 ? run + 1 : 0;
      if (run > longest) longest = run;
    }
    if (longest >= minRun) {
      if (y !== previous + 1) tops.push(y);
      previous = y;
    }
  }
  return tops;
}

describeRendered("a formatted multi-page document printed by LibreOffice", () => {
  let work = "";
  const printed: Record<"gongwen" | "speech", Printed> = {} as Record<"gongwen" | "speech", Printed>;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-render-"));
    fs.mkdirSync(shots, { recursive: true });
    const files: string[] = [];
    for (const [kind, lines] of [
      ["gongwen", gongwenLines()],
      ["speech", speechLines()],
    ] as const) {
      // biganzi format <draft> -o <formatted> --profile <kind>, in-process over in-memory files.
      const r = runCli(["format", "draft.docx", "-o", "formatted.docx", "--profile", kind], { "draft.docx": await draftDocx(lines) });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      // The draft has no footer: the page numbers printed below are the ones format adds.
      expect(r.out).toMatch(/^已排版：draft\.docx → formatted\.docx，调整了 \d+ 段。已加页码。文字未作改动。$/m);
      const out = r.files["formatted.docx"];
      if (!(out instanceof Uint8Array)) throw new Error("biganzi format wrote no file");
      const file = path.join(work, `formatted-${kind}.docx`);
      fs.writeFileSync(file, out);
      files.push(file);
    }
    // One LibreOffice start for both documents.
    const pdfs = printToPdf(soffice!, files, path.join(work, "pdf"), work);
    (["gongwen", "speech"] as const).forEach((kind, i) => {
      const pages = pdfPages(pdftotext!, pdfs[i]);
      const pngs = [1, 2].map((page) => renderPage(pdftoppm!, pdfs[i], page, 60, path.join(shots, `formatted-${kind}-${page}`)));
      const lastPng = kind === "gongwen" ? renderPage(pdftoppm!, pdfs[i], pages.length, 60, path.join(work, `${kind}-last`)) : undefined;
      printed[kind] = { pages, pngs, lastPng };
      if (kind === "gongwen") {
        // The 版记 page for a person to look at, next to pages 1 and 2.
        fs.copyFileSync(lastPng!, path.join(shots, "formatted-gongwen-last.png"));
        const { words, heightPt } = wordBoxes(pdfs[i], pages.length);
        printed[kind].lastWords = words;
        printed[kind].lastHeightPt = heightPt;
      }
    });
  }, 150_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.each(["gongwen", "speech"] as const)("%s: two or more pages, 「— 1 —」 on page 1 and 「— 2 —」 on page 2, the title on page 1", (kind) => {
    const { pages } = printed[kind];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pageNumberLine(pages[0], 1)).toBeDefined();
    expect(pageNumberLine(pages[1], 2)).toBeDefined();
    // Each number only on its own page.
    expect(pageNumberLine(pages[0], 2)).toBeUndefined();
    expect(pageNumberLine(pages[1], 1)).toBeUndefined();
    const title = kind === "gongwen" ? TITLE_GW : TITLE_SPEECH;
    expect(squeeze(pages[0])).toContain(title);
    // The title stands on a line of its own at the top of the first page.
    const titleLine = pages[0].split("\n").find((l) => l.trim() !== "")!;
    expect(squeeze(titleLine)).toBe(title);
  });

  it("gongwen: the 版记 lines survive — 抄送 and 印发 on the last page, after the 成文日期, in that order", () => {
    const { pages } = printed.gongwen;
    const last = squeeze(pages[pages.length - 1]);
    const at = (s: string) => last.indexOf(squeeze(s));
    expect(at(COPY_TO)).toBeGreaterThanOrEqual(0);
    expect(at(PRINTER)).toBeGreaterThanOrEqual(0);
    expect(at("2026年11月20日")).toBeLessThan(at(COPY_TO));
    expect(at(COPY_TO)).toBeLessThan(at(PRINTER));
    // 印发机关 left and 印发日期 right on one line (GB/T 9704 7.4.3): a wide gap between them.
    const printerLine = pages[pages.length - 1].split("\n").find((l) => l.includes("印发"))!;
    // (pdftotext puts a space between digits and Chinese characters.)
    expect(printerLine).toMatch(/^\s*市人民政府办公室\s{4,}2026\s*年\s*11\s*月\s*20\s*日印发\s*$/);
    // The 版记's separators (GB/T 9704 7.4.1) are printed: thick over 抄送 and thick under 印发 —
    // lines across the 版心 (156 mm: 368 px at 60 dpi) on the last page, and none on the first
    // (this 公文 has no 版头 with its red line). The thin line between 抄送 and 印发 is not drawn:
    // the 版记 is one frame at the foot of the page, and LibreOffice makes a frame only of
    // paragraphs with the same borders, which become the frame's (see src/core/writer/banji.ts).
    const across = (file: string) => ruledLines(decodePng(new Uint8Array(fs.readFileSync(file))), 300);
    expect(across(printed.gongwen.lastPng!)).toHaveLength(2);
    expect(across(printed.gongwen.pngs[0])).toEqual([]);
    // Every character of the 公文 is printed, in order (the page numbers between the pages aside).
    const body = pages.map((p) => p.split("\n").filter((l) => !/^\s*— ?\d+ ?—\s*$/.test(l)).join("")).join("");
    expect(squeeze(body)).toBe(squeeze(gongwenLines().join("")));
  });

  it("gongwen: the 版记 sits at the foot of the last page, its last line on the last line of the 版心 (GB/T 9704 7.4)", () => {
    const { lastWords, lastHeightPt, lastPng } = printed.gongwen;
    const page = gongwenProfile().format.page;
    const ptPerMm = 72 / 25.4;
    // The bottom of the text area (版心) on the page, in points from its top.
    const textBottom = lastHeightPt! - page.marginBottomMm * ptPerMm;
    const lineGap = gongwenProfile().format.body.sizePt * 2.1; // one line of the 28.95 pt grid, and a little
    const copyTo = lineBox(lastWords!, "抄送");
    // (The 署名 is the same organ: the 印发 line is its last occurrence.)
    const printer = lineBox(lastWords!, "市人民政府办公室", "last");
    const date = lineBox(lastWords!, "2026");
    const note = lineBox(lastWords!, "（此件公开发布）");
    // The 印发 line is the last line of the 版心 (its thick line under it, inside the margin).
    expect(printer.bottom).toBeLessThanOrEqual(textBottom);
    expect(textBottom - printer.bottom).toBeLessThan(lineGap);
    // 抄送 right above 印发 (two lines of names), both below the 成文日期 and the 附注, in that order.
    expect(copyTo.bottom).toBeLessThanOrEqual(printer.top);
    expect(printer.top - copyTo.top).toBeLessThan(3 * lineGap);
    expect(date.bottom).toBeLessThanOrEqual(note.top);
    expect(note.bottom).toBeLessThan(copyTo.top);
    // The separator lines travel with the 版记: the thick one over 抄送 lies between the 附注 and
    // 抄送, the one under 印发 at the bottom of the 版心 (PNG rows at 60 dpi, in points).
    const rows = ruledLines(decodePng(new Uint8Array(fs.readFileSync(lastPng!))), 300).map((y) => (y * 72) / 60);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBeGreaterThan(note.bottom);
    expect(rows[0]).toBeLessThanOrEqual(copyTo.top);
    expect(rows[1]).toBeGreaterThanOrEqual(printer.bottom - 2);
    expect(Math.abs(textBottom - rows[1])).toBeLessThan(lineGap / 2);
    console.log(JSON.stringify({ textBottom, copyTo, printer, date, note, rows }));
  });

  it.each(["gongwen", "speech"] as const)("%s: pages 1 and 2 drawn as PNG — white paper with black text on it", (kind) => {
    for (const file of printed[kind].pngs) {
      const px = decodePng(new Uint8Array(fs.readFileSync(file)));
      // A4 at 60 dpi: about 496 × 702 pixels (pdftoppm rounds up).
      expect(Math.abs(px.width - 496)).toBeLessThanOrEqual(1);
      expect(Math.abs(px.height - 702)).toBeLessThanOrEqual(1);
      expect(shareOf(px, nearWhite)).toBeGreaterThan(0.75);
      // Text, not a blank page (nor a page of black).
      const ink = shareOf(px, nearDark);
      expect(ink).toBeGreaterThan(0.01);
      expect(ink).toBeLessThan(0.2);
    }
  });
});
