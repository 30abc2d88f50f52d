/**
 * Real LibreOffice opens what we write (a `new` skeleton for two templates and a `format`ted
 * fixture) and saves it again as .docx; our reader then reads LibreOffice's file. This proves the
 * files are valid and that texts and the East Asian fonts per level survive. LibreOffice must be
 * installed (`soffice`; CI installs libreoffice-writer-nogui): without it this test fails.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatSegments, paragraphRole } from "../../src/core/format/levels";
import type { DocModel } from "../../src/core/model";
import { buildOutline } from "../../src/core/numbering";
import { templateByName } from "../../src/core/outline";
import { resolveProfile } from "../../src/core/profiles";
import { readDocx } from "../../src/core/reader";
import { writeDocx } from "../../src/core/writer/docx";
import { formatDocx } from "../../src/core/writer/formatDocx";

jest.setTimeout(120_000);

function findSoffice(): string {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error(
    "LibreOffice (soffice) is not installed, so the .docx files cannot be validated. " +
      "Install it (Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui) and run the tests again.",
  );
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-lo-"));

/** LibreOffice opens `bytes` and saves it as .docx; returns what it wrote. */
function roundTrip(soffice: string, name: string, bytes: Uint8Array): Uint8Array {
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  fs.mkdirSync(inDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(inDir, name);
  fs.writeFileSync(file, bytes);
  const profileDir = path.join(work, `profile-${Math.random().toString(36).slice(2)}`);
  execFileSync(
    soffice,
    ["--headless", "--norestore", `-env:UserInstallation=file://${profileDir}`, "--convert-to", "docx", "--outdir", outDir, file],
    { stdio: "pipe", timeout: 100_000 },
  );
  const out = path.join(outDir, name);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return new Uint8Array(fs.readFileSync(out));
}

const FONT: Record<string, string> = {
  title: "方正小标宋简体",
  level1: "黑体",
  level2: "楷体_GB2312",
  level3: "仿宋_GB2312",
  level4: "仿宋_GB2312",
  body: "仿宋_GB2312",
  salutation: "仿宋_GB2312",
  // The 公文 elements after the body (issue #13): 署名 and 成文日期 in 3号仿宋.
  signature: "仿宋_GB2312",
  date: "仿宋_GB2312",
};

/** "index:role:font" for every run with text, by the level its segment has. */
function fontsByLevel(doc: DocModel): string[] {
  const outline = buildOutline(doc);
  const out: string[] = [];
  doc.paragraphs.forEach((p, i) => {
    const role = paragraphRole(doc, outline, i);
    for (const seg of formatSegments(doc, outline, i, role)) {
      for (const r of p.runs) {
        if (r.end <= seg.start || r.start >= seg.end || !r.text.trim()) continue;
        out.push(`${i}:${seg.role}:${r.fontEastAsia}`);
      }
    }
  });
  return out;
}

function expectHouseFonts(doc: DocModel): void {
  const got = fontsByLevel(doc);
  expect(got.length).toBeGreaterThan(3);
  expect(got).toEqual(got.map((g) => g.replace(/:[^:]*$/, (_m) => ":" + FONT[g.split(":")[1]])));
  const roles = new Set(got.map((g) => g.split(":")[1]));
  expect(roles).toContain("level1");
  expect(roles).toContain("body");
}

describe("LibreOffice opens and re-saves our files", () => {
  const soffice = findSoffice();
  const gw = resolveProfile("gongwen").format;
  const speech = resolveProfile("speech").format;

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it.each([
    ["工作会议讲话", speech],
    ["通知", gw],
  ] as const)("a %s skeleton", (name, spec) => {
    const t = templateByName(name)!;
    const paras = t.build({ sections: 3, subsections: 2, secondLevel: "heading" });
    const saved = readDocx(roundTrip(soffice, `${name}.docx`, writeDocx(paras, spec)));
    expect(saved.paragraphs.map((p) => p.text)).toEqual(paras.map((p) => p.text));
    expectHouseFonts(saved);
    // Headings 一、 in 黑体 and （一） in 楷体, as the roles said.
    paras.forEach((p, i) => {
      if (p.role === "level1") expect(saved.paragraphs[i].runs[0].fontEastAsia).toBe("黑体");
      if (p.role === "level2") expect(saved.paragraphs[i].runs[0].fontEastAsia).toBe("楷体_GB2312");
    });
    const s = saved.sections[0];
    expect([s.marginTopMm, s.marginBottomMm, s.marginLeftMm, s.marginRightMm].map(Math.round)).toEqual([37, 35, 28, 26]);
  });

  it("a formatted fixture", () => {
    const input = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", "gongwen.docx")));
    const before = readDocx(input);
    const { bytes } = formatDocx(input, gw);
    const saved = readDocx(roundTrip(soffice, "formatted.docx", bytes));
    const texts = (d: DocModel) => d.paragraphs.map((p) => (p.listLabel ?? "") + p.text);
    expect(texts(saved)).toEqual(texts(before));
    expectHouseFonts(saved);
  });
});
