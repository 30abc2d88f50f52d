/**
 * LibreOffice opens what 下载文档 writes (the preview's sample with a fix and comments) and saves
 * it again; our reader then reads LibreOffice's file: the file is valid, and the text, the East
 * Asian fonts and the comments survive. Needs `soffice` (scripts/setup.sh installs it).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyFixes } from "../../src/core/fixes";
import { readDocx } from "../../src/core/reader";
import { modelToDocx } from "../../src/preview/exportDocx";
import { sampleDraft } from "../../src/preview/sampleDraft";

jest.setTimeout(120_000);

function findSoffice(): string {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui, then run the test again.");
}

test("LibreOffice opens the downloaded document and keeps its text, fonts and comments", () => {
  const soffice = findSoffice();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-preview-lo-"));
  try {
    const doc = sampleDraft();
    const i = doc.paragraphs.findIndex((p) => p.text.startsWith("(二)"));
    const fixed = applyFixes(doc, [{ description: "改为全角括号", text: [{ paragraph: i, start: 0, end: 3, text: "（二）" }] }]);
    const bytes = modelToDocx(fixed, {
      comments: [
        { paragraph: 9, start: 30, end: 32, text: "“处臵”应为“处置”。" },
        { paragraph: 4, start: 0, end: 0, text: "只讲了两点。" },
      ],
    });
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(inDir, "稿子.docx"), bytes);
    execFileSync(
      soffice,
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", "docx", "--outdir", outDir, path.join(inDir, "稿子.docx")],
      { stdio: "pipe", timeout: 100_000 },
    );
    const back = readDocx(new Uint8Array(fs.readFileSync(path.join(outDir, "稿子.docx"))));
    expect(back.paragraphs.map((p) => p.text)).toEqual(fixed.paragraphs.map((p) => p.text));
    expect(back.paragraphs[i].text.startsWith("（二）")).toBe(true);
    const font = (k: number) => back.paragraphs[k].runs.find((r) => r.text.trim())?.fontEastAsia;
    expect([font(0), font(5), font(6), font(7), font(11)]).toEqual(["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体"]);
    const notes = back.otherParagraphs.filter((p) => p.part === "comment").map((p) => p.text);
    expect(notes).toEqual(expect.arrayContaining(["“处臵”应为“处置”。", "只讲了两点。"]));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
