/**
 * `biganzi fix` on a .docx with formatting faults: the format fixes are written too (fonts, sizes,
 * line spacing, indent, a run-in heading's two parts, the page margins), listed like the text ones
 * — what changed and where, the same change folded over its paragraphs — and `--dry-run` lists
 * them without writing. Checking the output finds no format fault that had a fix, and LibreOffice
 * (when installed) opens the output and keeps the formatting.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { readDocx } from "../../src/core/reader";
import { richDocx } from "../core/writer/richDocx";
import { runCli } from "../helpers/cliRun";

const r = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (pPr: string, ...runs: string[]) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs.join("")}</w:p>`;

/** In richDocx's styles (MyTitle 黑体小二, MyBody 楷体小三, Normal 宋体小四), with a 25.4 mm top margin. */
function faulty(): Uint8Array {
  return richDocx(
    para('<w:pStyle w:val="MyTitle"/>', r("关于加强学习的讲话")) +
      para("", r("同志们：")) +
      para('<w:pStyle w:val="MyBody"/><w:spacing w:line="360" w:lineRule="auto"/>', r("今天召开会议，主要任务是部署工作。")) +
      para("", r("一、总体要求")) +
      para('<w:pStyle w:val="MyBody"/>', r("（一）加强学习。要深入学习有关文件精神,抓好贯彻落实。")) +
      para('<w:pStyle w:val="MyBody"/>', r("这一段格式正确，不应改动。", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>')) +
      para('<w:pStyle w:val="MyBody"/><w:ind w:firstLineChars="0" w:firstLine="0"/>', r("各单位要结合实际，认真研究部署。")) +
      para('<w:pStyle w:val="MyBody"/>', r("谢谢大家！")) +
      `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
      `<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>`,
  );
}

const FONT = "（各级标题和正文的字体字号）";

describe("biganzi fix: formatting fixes", () => {
  const input = faulty();
  const real = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": input });

  it("lists each formatting change with where it was made, folded over paragraphs, page first", () => {
    expect(real.err).toBe("");
    expect(real.code).toBe(0);
    const lines = real.out.split("\n");
    expect(lines[0]).toBe("in.docx");
    expect(lines[1]).toBe("  页面：上边距设为37 mm（纸张与页边距）");
    expect(lines).toContain(`  第 1 段：中文字体设为小标宋体，字号设为二号${FONT}`);
    expect(lines).toContain(`  第 2–3、7–8 段：中文字体设为仿宋，字号设为三号${FONT}`);
    expect(lines).toContain(`  第 4 段：中文字体设为黑体，字号设为三号${FONT}`);
    expect(lines).toContain(`  第 5 段：「（一）加强学习。」字号设为三号；「要深入学习有关文件精…」中文字体设为仿宋，字号设为三号${FONT}`);
    expect(lines).toContain("  第 5 段：“,” → “，”（半角逗号）");
    expect(lines.some((l) => /^  第 3 段：行距设为固定值28\.95磅（/.test(l))).toBe(true);
    expect(lines.some((l) => /^  第 7 段：首行缩进设为2字符（/.test(l))).toBe(true);
    // Nothing said about the paragraph that was right.
    expect(lines.some((l) => /第 6 段|、6|–6|6–/.test(l))).toBe(false);
    expect(real.out).toMatch(/\n修复 11 处，跳过 0 处。\n已写入 out\.docx。原稿未改动。\n$/);
  });

  it("writes them: checking the output finds no format fault that had a fix, and the text is the same but the comma", () => {
    const out = real.files["out.docx"] as Uint8Array;
    expect(real.files["in.docx"]).toBe(input);
    const again = runCli(["check", "out.docx", "--format", "json"], { "out.docx": out });
    const findings = JSON.parse(again.out)[0].findings as Array<{ rule: string; fix?: unknown }>;
    expect(findings.filter((f) => f.rule.startsWith("format-") && f.fix)).toEqual([]);
    const before = readDocx(input).paragraphs.map((p) => p.text);
    expect(readDocx(out).paragraphs.map((p) => p.text)).toEqual(before.map((t) => t.replace(",", "，")));
    // Fixing the output again has nothing left to do.
    const twice = runCli(["fix", "out.docx", "-o", "again.docx"], { "out.docx": out });
    expect(twice.out).toContain("没有可自动修复的问题");
    const a = unzipSync(input);
    const b = unzipSync(out);
    for (const name of Object.keys(a)) if (name !== "word/document.xml") expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
  });

  it("--dry-run lists the same changes and writes nothing", () => {
    for (const args of [["--dry-run"], ["-o", "out.docx", "-n"]]) {
      const r2 = runCli(["fix", "in.docx", ...args], { "in.docx": faulty() });
      expect(r2.code).toBe(0);
      expect(Object.keys(r2.files)).toEqual(["in.docx"]);
      expect(r2.out).toBe(real.out.replace(/已写入.*\n$/, "（试运行：未写入任何文件。）\n"));
    }
  });

  it("counts a formatting fix it cannot place exactly as skipped, and writes the rest", () => {
    // A run-in heading whose one run also holds a tab: it cannot be cut at the heading's end.
    const bytes = richDocx(
      para('<w:pStyle w:val="MyTitle"/>', r("关于加强学习的讲话")) +
        para("", r("一、总体要求")) +
        para('<w:pStyle w:val="MyBody"/>', `<w:r><w:t>（一）加强学习。要深入</w:t><w:tab/><w:t>学习。</w:t></w:r>`) +
        `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`,
    );
    const res = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": bytes });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/\n修复 3 处，跳过 1 处（无法在文档中准确定位 1 处）。\n/);
    expect(res.out).not.toMatch(/第 3 段：.*字体字号/);
    const out = readDocx(res.files["out.docx"] as Uint8Array);
    expect(out.paragraphs[0].runs[0].sizePt).toBe(22);
    expect(out.paragraphs[2].runs.map((x) => x.sizePt)).toEqual([15]);
  });

  it("the help text says formatting is fixed in a .docx, and only the text in a .txt", () => {
    const help = runCli(["--help"], {}).out;
    expect(help).toMatch(/自动修复：检查后把所有可自动修复的问题（文字、字体字号、段落格式、\n\s+页面设置）/);
    expect(help).toContain(".txt 没有格式，只改文字");
  });
});

function soffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}
const office = soffice();
const withOffice = office ? test : test.skip;

withOffice(
  "LibreOffice opens the fixed file and saves it again with the text and the formatting fixed",
  () => {
    const fixed = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": faulty() }).files["out.docx"] as Uint8Array;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-fix-lo-"));
    try {
      const input = path.join(work, "稿子.docx");
      fs.writeFileSync(input, fixed);
      const outDir = path.join(work, "out");
      execFileSync(office!, ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", "docx", "--outdir", outDir, input], {
        stdio: "pipe",
        timeout: 150_000,
      });
      const back = readDocx(new Uint8Array(fs.readFileSync(path.join(outDir, "稿子.docx"))));
      const want = readDocx(fixed);
      expect(back.paragraphs.map((p) => p.text)).toEqual(want.paragraphs.map((p) => p.text));
      const runIn = back.paragraphs[4];
      expect(runIn.runs.filter((x) => x.text !== "").map((x) => [x.fontEastAsia, x.sizePt])).toEqual([
        ["楷体", 16],
        ["仿宋_GB2312", 16],
      ]);
      expect(back.paragraphs[2].lineSpacing).toEqual({ rule: "exact", value: 28.95 });
      // LibreOffice keeps the indent in twips only: two 三号 characters, 32 pt.
      expect(back.paragraphs[6].firstLineIndentPt).toBeCloseTo(32, 0);
      expect(back.sections[0].marginTopMm).toBeCloseTo(37, 0);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
  180_000,
);
