/**
 * LibreOffice opens what 下载文档 writes into an uploaded .docx (fixed, formatted, a paragraph
 * inserted, a cell typed in, a comment) and saves it as .docx and as plain text: the file is valid,
 * the new text survives, the table is still a table, and the header, footnote and comment are kept.
 * Skipped when LibreOffice (soffice) is not installed (scripts/setup.sh installs it).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { readDocx } from "../../src/core/reader";
import { exportDocument } from "../../src/preview/exportDocx";
import { RICH_TEXTS } from "../core/writer/richDocx";
import { editedInPreview } from "./editedInPreview";

jest.setTimeout(180_000);

function soffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

const office = soffice();
const withOffice = office ? test : test.skip;

function convert(work: string, input: string, to: string): string {
  const outDir = path.join(work, `out-${to.replace(/\W/g, "")}`);
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    office!,
    ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", to, "--outdir", outDir, input],
    { stdio: "pipe", timeout: 150_000 },
  );
  const ext = to.split(":")[0];
  return path.join(outDir, path.basename(input).replace(/\.docx$/, `.${ext}`));
}

withOffice("LibreOffice reads the spliced download: text, table, header, footnote and comment survive", async () => {
  const { bytes, read, host } = await editedInPreview();
  const out = exportDocument(host.model, { comments: host.comments, uploaded: { bytes, read } });
  expect(out.spliced).toBe(true);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-splice-lo-"));
  try {
    const input = path.join(work, "稿子.docx");
    fs.writeFileSync(input, out.bytes);

    const docx = new Uint8Array(fs.readFileSync(convert(work, input, "docx")));
    const back = readDocx(docx);
    const texts = back.paragraphs.map((p) => p.text).filter((t) => t !== "");
    expect(texts).toEqual(host.model.paragraphs.map((p) => p.text).filter((t) => t !== ""));
    expect(back.paragraphs.filter((p) => p.inTable).map((p) => p.text)).toEqual(["单位", "人数", "办公室（含机要）", "3"]);
    const xml = new TextDecoder().decode(unzipSync(docx)["word/document.xml"]);
    expect(xml).toMatch(/<w:tbl>/);
    const other = back.otherParagraphs.map((p) => [p.part, p.text]);
    expect(other).toEqual(
      expect.arrayContaining([
        ["header", RICH_TEXTS.header],
        ["footnote", RICH_TEXTS.footnote],
        ["comment", "这里原是半角逗号。"],
      ]),
    );

    const txt = fs.readFileSync(convert(work, input, "txt:Text (encoded):UTF8"), "utf8");
    for (const t of ["新插入的一段正文。", "各单位要认真学习，抓好落实。", "办公室（含机要）", RICH_TEXTS.numbered]) expect(txt).toContain(t);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
