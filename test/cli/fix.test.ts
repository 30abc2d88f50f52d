/**
 * `biganzi fix`: applies every fix it can place (text and formatting), lists the changes (folded like
 * `check`), `--dry-run` writes nothing, and the output is never the input (as for `format`).
 * In memory through the fake of test/helpers/cliRun.ts, then on the real file system.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/node";
import { readDocx } from "../../src/core/reader";
import { runCli } from "../helpers/cliRun";

const dec = new TextDecoder();
const enc = new TextEncoder();
const SAME = /输出文件不能与输入文件相同/;

/** gongwen.docx with half-width punctuation written into two paragraphs (one of them over two runs). */
function faulty(): Uint8Array {
  const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", "gongwen.docx"))));
  files["word/document.xml"] = enc.encode(
    dec
      .decode(files["word/document.xml"])
      .replace("各区人民政府，市政府各部门：", "各区人民政府,市政府各部门,")
      .replace("为切实做好安全生产工作，", "为切实做好安全生产工作,"),
  );
  return zipSync(files);
}

function oneLine(err: string): void {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/内部错误|ENOENT|EACCES|EPERM/);
}

const texts = (bytes: Uint8Array) => readDocx(bytes).paragraphs.map((p) => p.text);

describe("biganzi fix (in memory)", () => {
  it("writes the fixed document, lists each change folded per paragraph, and leaves the input alone", () => {
    const input = faulty();
    const r = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": input });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("  第 2 段：“,” → “，”（半角逗号），共 2 处\n");
    expect(r.out).toContain("  第 3 段：“,” → “，”（半角逗号）\n");
    // The formatting fix of the same check is written too, and listed like the text ones.
    expect(r.out).toContain("  第 14 段：中文字体设为仿宋，字号设为三号（各级标题和正文的字体字号）\n");
    expect(r.out).toMatch(/\n修复 4 处，跳过 0 处。\n/);
    expect(r.out).toMatch(/已写入 out\.docx。原稿未改动。\n$/);
    expect(r.files["in.docx"]).toBe(input);
    const out = r.files["out.docx"] as Uint8Array;
    const before = texts(input);
    expect(texts(out)).toEqual(before.map((t, i) => (i === 1 ? "各区人民政府，市政府各部门，" : i === 2 ? t.replace(",", "，") : t)));
    // Checking the output again finds no half-width comma left.
    const again = runCli(["check", "out.docx", "--format", "json"], { "out.docx": out });
    const findings = JSON.parse(again.out)[0].findings as Array<{ rule: string }>;
    expect(findings.filter((f) => f.rule === "punctuation-halfwidth")).toEqual([]);
  });

  it("--dry-run prints the same changes and writes nothing (with or without -o)", () => {
    const real = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": faulty() });
    for (const args of [["-o", "out.docx", "--dry-run"], ["--dry-run"], ["-n"]]) {
      const r = runCli(["fix", "in.docx", ...args], { "in.docx": faulty() });
      expect(r.code).toBe(0);
      expect(Object.keys(r.files)).toEqual(["in.docx"]);
      expect(r.out).toBe(real.out.replace(/已写入.*\n$/, "（试运行：未写入任何文件。）\n"));
    }
  });

  it("says so when there is nothing to fix, and still writes the copy", () => {
    // A document fixed once has nothing left to fix.
    const input = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", "lo-outline.docx")));
    const once = runCli(["fix", "in.docx", "-o", "out.docx", "--profile", "gongwen"], { "in.docx": input });
    expect(once.out).toMatch(/修复 1 处，跳过 0 处/);
    const clean = once.files["out.docx"] as Uint8Array;
    const r = runCli(["fix", "in.docx", "-o", "out.docx", "--profile", "gongwen"], { "in.docx": clean });
    expect(r.out).toContain("没有可自动修复的问题");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/修复 0 处/);
    expect(texts(r.files["out.docx"] as Uint8Array)).toEqual(texts(clean));
  });

  it.each<[string, string[], Record<string, Uint8Array | string>]>([
    ["the same path", ["-o", "in.docx"], {}],
    ["./ before the same name", ["-o", "./in.docx"], {}],
    ["the absolute path of the input", ["-o", "/work/in.docx"], {}],
    ["a ../ path to the input", ["-o", "sub/../in.docx"], { sub: "DIR" }],
    ["a symbolic link to the input", ["-o", "link.docx"], { "link.docx": "->in.docx" }],
  ])("refuses %s as the output, even with --force or --dry-run", (_what, args, extra) => {
    for (const more of [["--force"], ["--dry-run"], []]) {
      const input = faulty();
      const r = runCli(["fix", "in.docx", ...args, ...more], { "in.docx": input, ...extra });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(SAME);
      oneLine(r.err);
      expect(r.files["in.docx"]).toBe(input);
      expect(r.out).toBe("");
    }
  });

  it("refuses a hard link to the input (the same file under another name)", () => {
    const input = faulty();
    const r = runCli(["fix", "in.docx", "-o", "hard.docx", "--force"], { "in.docx": input, "hard.docx": input });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(SAME);
    expect(r.files["in.docx"]).toBe(input);
  });

  it("refuses to replace an existing file without --force, replaces it with --force", () => {
    const old = new Uint8Array([1, 2, 3]);
    const no = runCli(["fix", "in.docx", "-o", "out.docx"], { "in.docx": faulty(), "out.docx": old });
    expect(no.code).toBe(2);
    expect(no.err).toMatch(/文件已存在：out\.docx。如要覆盖，请加 --force/);
    expect(no.files["out.docx"]).toBe(old);
    const yes = runCli(["fix", "in.docx", "-o", "out.docx", "--force"], { "in.docx": faulty(), "out.docx": old });
    expect(yes.code).toBe(0);
    expect(texts(yes.files["out.docx"] as Uint8Array)[1]).toBe("各区人民政府，市政府各部门，");
  });

  it("reports a missing or read-only output folder in one Chinese line and leaves no temporary file", () => {
    const missing = runCli(["fix", "in.docx", "-o", "nowhere/out.docx"], { "in.docx": faulty() });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/输出文件夹不存在：nowhere/);
    oneLine(missing.err);
    const ro = runCli(["fix", "in.docx", "-o", "ro/out.docx"], { "in.docx": faulty(), ro: "DIR:ro" });
    expect(ro.code).toBe(2);
    oneLine(ro.err);
    expect(Object.keys(ro.files).filter((k) => k.includes("biganzi-tmp"))).toEqual([]);
  });

  it("writes through a temporary file in the same folder, renamed into place", () => {
    const written: string[] = [];
    const r = runCli(["fix", "in.docx", "-o", "out/new.docx"], { "in.docx": faulty(), out: "DIR" }, { writeFile: (p) => void written.push(p) });
    expect(r.code).toBe(0);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^out\/\.new\.docx\..*\.biganzi-tmp$/);
    expect(r.files["out/new.docx"]).toBeInstanceOf(Uint8Array);
  });

  it.each<[string, string[], RegExp]>([
    ["no input", ["fix"], /请给出要修复的文件/],
    ["no -o", ["fix", "in.docx"], /请用 -o 指定输出文件/],
    ["two inputs", ["fix", "in.docx", "b.docx", "-o", "o.docx"], /一次只修复一个文件/],
    ["a .txt output for a .docx", ["fix", "in.docx", "-o", "o.txt"], /输出文件应以 \.docx 结尾/],
    ["an unknown option", ["fix", "in.docx", "-o", "o.docx", "--fast"], /未知选项「--fast」/],
    ["an unknown profile", ["fix", "in.docx", "-o", "o.docx", "--profile", "constructor"], /没有名为「constructor」的规则集/],
    ["a missing input", ["fix", "gone.docx", "-o", "o.docx"], /找不到文件：gone\.docx/],
  ])("usage error: %s", (_what, argv, message) => {
    const r = runCli(argv, { "in.docx": faulty() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    oneLine(r.err);
  });

  it("fixes a .txt into a .txt: line breaks and the rest of every line as they were", () => {
    const text = "\ufeff一、总体要求\r\n我们要坚持,努力工作。\r\n\r\n第三段 ，不动\n";
    const r = runCli(["fix", "in.txt", "-o", "out.txt"], { "in.txt": enc.encode(text) });
    expect(r.code).toBe(0);
    expect(r.out).toContain("第 2 段：“,” → “，”（半角逗号）");
    expect(r.out).toMatch(/已写入 out\.txt（UTF-8 编码）/);
    const written = new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.files["out.txt"] as Uint8Array);
    expect(written).toBe("\ufeff一、总体要求\r\n我们要坚持，努力工作。\r\n\r\n第三段，不动\n");
    const wrong = runCli(["fix", "in.txt", "-o", "out.docx"], { "in.txt": enc.encode(text) });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/输出文件应以 \.txt 结尾/);
  });

  it("refuses a Word file named .txt rather than write it out as text", () => {
    const r = runCli(["fix", "in.txt", "-o", "out.txt"], { "in.txt": faulty() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/与扩展名不符/);
    expect(Object.keys(r.files)).toEqual(["in.txt"]);
  });

  it("is in the help text", () => {
    const r = runCli(["--help"]);
    expect(r.out).toMatch(/biganzi fix <文件\.docx> -o <新文件\.docx>/);
    expect(r.out).toMatch(/--dry-run/);
  });
});

describe("biganzi fix on the real file system (nodeIO)", () => {
  let dir = "";
  let input = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-fix-"));
    input = path.join(dir, "in.docx");
    fs.writeFileSync(input, faulty());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(argv: string[]) {
    let out = "";
    let err = "";
    const code = main(argv, { ...nodeIO(), stdout: (s) => void (out += s), stderr: (s) => void (err += s), loadSpellModel: () => undefined });
    return { code, out, err };
  }

  it("refuses a symbolic link, a hard link, ./ and ../ paths to the input, even with --force", () => {
    const original = fs.readFileSync(input);
    fs.symlinkSync(input, path.join(dir, "sym.docx"));
    fs.linkSync(input, path.join(dir, "hard.docx"));
    fs.mkdirSync(path.join(dir, "sub"));
    for (const o of ["sym.docx", "hard.docx", "sub/../in.docx", "./in.docx"].map((x) => path.join(dir, x))) {
      const r = run(["fix", input, "-o", o, "--force"]);
      expect({ o, code: r.code }).toEqual({ o, code: 2 });
      expect(r.err).toMatch(SAME);
    }
    expect(Buffer.compare(fs.readFileSync(input), original)).toBe(0);
  });

  it("writes the fixed file and leaves no temporary file", () => {
    const out = path.join(dir, "out.docx");
    const r = run(["fix", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(texts(new Uint8Array(fs.readFileSync(out)))[1]).toBe("各区人民政府，市政府各部门，");
    expect(fs.readdirSync(dir).sort()).toEqual(["in.docx", "out.docx"]);
  });
});
