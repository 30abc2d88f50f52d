/**
 * Printing documents as a person would see them: headless LibreOffice turns .docx files into a
 * PDF, poppler's pdftotext reads its pages back and pdftoppm draws them as PNG. Each tool is
 * optional on a developer's machine (scripts/setup.sh installs all of them; CI runs it):
 * `which` says whether it is there, so a test can skip with its reason.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The full path of a command on PATH, or undefined. */
export function which(name: string): string | undefined {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export const findSoffice = () => which("soffice") ?? which("libreoffice");

/**
 * LibreOffice prints every file of `files` to `outDir` in one run (one start-up for all). The
 * profile is a fresh folder of `work`, so runs side by side never share (and lock) one.
 * Returns the PDFs, in the order of `files`.
 */
export function printToPdf(soffice: string, files: string[], outDir: string, work: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(work, "lo-profile-"));
  execFileSync(soffice, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, ...files], {
    stdio: "pipe",
    timeout: 150_000,
  });
  return files.map((f) => {
    const pdf = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, "") + ".pdf");
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice 没有生成 ${pdf}`);
    return pdf;
  });
}

/** Each page's text as `pdftotext -layout` lays it out (lines and columns kept). */
export function pdfPages(pdftotext: string, pdf: string): string[] {
  const pages = execFileSync(pdftotext, ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).split("\f");
  // The text ends with a form feed after the last page: no page follows it.
  if (pages.length > 1 && pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Draws page `page` of `pdf` as a PNG at `dpi` and returns the file written (`outBase`.png). */
export function renderPage(pdftoppm: string, pdf: string, page: number, dpi: number, outBase: string): string {
  execFileSync(pdftoppm, ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, outBase], { stdio: "pipe" });
  return `${outBase}.png`;
}
