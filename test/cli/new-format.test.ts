import * as fs from "fs";
import * as path from "path";
import { runCli } from "../helpers/cliRun";
import { check } from "../../src/core/engine";
import { TEMPLATES } from "../../src/core/outline";
import { resolveProfile } from "../../src/core/profiles";
import { readDocx } from "../../src/core/reader";

const run = runCli;

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", name)));
const bytesOf = (v: Uint8Array | string | undefined): Uint8Array => {
  if (!(v instanceof Uint8Array)) throw new Error("not written");
  return v;
};

describe("biganzi new", () => {
  it("lists the templates with their descriptions", () => {
    const r = run(["new", "--list"]);
    expect(r.code).toBe(0);
    for (const t of TEMPLATES) expect(r.out).toContain(t.name);
    expect(r.out).toContain(TEMPLATES[0].description);
    expect(r.out.trim().split("\n")).toHaveLength(TEMPLATES.length);
  });

  it.each(TEMPLATES.map((t) => [t.name, t.profile] as const))("writes %s as a .docx that check reports with placeholders only", (name, profile) => {
    const r = run(["new", "--template", name, "-o", "draft.docx"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("已生成 draft.docx");
    const doc = readDocx(bytesOf(r.files["draft.docx"]));
    const t = TEMPLATES.find((x) => x.name === name)!;
    expect(doc.paragraphs.map((p) => p.text)).toEqual(t.build(t.defaults).map((p) => p.text));
    const findings = check(doc, { profile: resolveProfile(profile) });
    expect(findings.filter((f) => f.category !== "placeholder").map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    const blanks = doc.paragraphs.reduce((n, p) => n + (p.text.match(/〔[^〔〕]*〕/g) ?? []).length, 0);
    expect(findings).toHaveLength(blanks);
    // And through the CLI's own check: unfilled blanks are errors, so a skeleton cannot pass (exit 1).
    const c = run(["check", "--profile", profile, "--format", "json", "draft.docx"], r.files);
    const cf = JSON.parse(c.out)[0].findings as Array<{ category: string; severity: string }>;
    expect(cf.every((f) => f.category === "placeholder" && f.severity === "error")).toBe(true);
    expect(c.code).toBe(1);
  });

  it("honours --sections, --subsections and --second", () => {
    const r = run(["new", "--template=工作会议讲话", "--sections", "4", "--subsections=2", "--second", "yishi", "-o", "a.docx"]);
    expect(r.code).toBe(0);
    const texts = readDocx(bytesOf(r.files["a.docx"])).paragraphs.map((p) => p.text);
    expect(texts).toContain("下面，我讲四点意见。");
    expect(texts).toContain("四、〔第四部分标题〕");
    expect(texts.filter((t) => t === "一是〔……〕；二是〔……〕。")).toHaveLength(4);
  });

  it("refuses to overwrite an existing file unless --force", () => {
    const existing = new Uint8Array([1, 2, 3]);
    const r = run(["new", "--template", "通知", "-o", "a.docx"], { "a.docx": existing });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件已存在：a\.docx.*--force/);
    expect(r.files["a.docx"]).toBe(existing);
    const f = run(["new", "--template", "通知", "-o", "a.docx", "--force"], { "a.docx": existing });
    expect(f.code).toBe(0);
    expect(readDocx(bytesOf(f.files["a.docx"])).paragraphs[0].text).toBe("关于〔事项〕的通知");
  });

  it.each<[string[], RegExp]>([
    [["new", "-o", "a.docx"], /请用 --template 选择模板：工作会议讲话/],
    [["new", "--template", "贺信", "-o", "a.docx"], /没有名为「贺信」的模板/],
    [["new", "--template", "通知"], /请用 -o 指定输出文件/],
    [["new", "--template", "通知", "-o", "a.txt"], /应以 \.docx 结尾/],
    [["new", "--template", "通知", "--sections", "9", "-o", "a.docx"], /--sections 只能是 2 到 6/],
    [["new", "--template", "通知", "--subsections", "x", "-o", "a.docx"], /--subsections 只能是 0 到 5/],
    [["new", "--template", "通知", "--second", "abc", "-o", "a.docx"], /--second 只能是 heading、yishi 或 diyi/],
    [["new", "--template", "通知", "--bogus", "-o", "a.docx"], /未知选项「--bogus」/],
    [["new", "--template"], /--template 需要一个值/],
    [["new", "--template", "通知", "-o", "dir.docx"], /是文件夹/],
  ])("exits 2 with one Chinese line for %p", (argv, re) => {
    const r = run(argv, { "dir.docx": "DIR" });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(re);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.files["a.docx"]).toBeUndefined();
  });
});

describe("biganzi format", () => {
  it("writes a formatted copy with the same text and leaves the input alone", () => {
    const input = fixture("gongwen.docx");
    const r = run(["format", "in.docx", "-o", "out.docx", "--profile", "gongwen"], { "in.docx": input });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已排版：in\.docx → out\.docx，调整了 \d+ 段/);
    expect(r.files["in.docx"]).toBe(input);
    const before = readDocx(input);
    const after = readDocx(bytesOf(r.files["out.docx"]));
    expect(after.paragraphs.map((p) => (p.listLabel ?? "") + p.text)).toEqual(before.paragraphs.map((p) => (p.listLabel ?? "") + p.text));
    expect(after.sections[0].marginTopMm).toBe(37);
  });

  it("applies a unit's config (fonts)", () => {
    const cfg = JSON.stringify({ format: { body: { fonts: ["方正仿宋_GBK"] } } });
    const r = run(["format", "in.docx", "-o", "out.docx", "--config", "unit.json"], { "in.docx": fixture("lo-outline.docx"), "unit.json": cfg });
    expect(r.code).toBe(0);
    const doc = readDocx(bytesOf(r.files["out.docx"]));
    const body = doc.paragraphs.find((p) => p.text.startsWith("为了深入调查研究"))!;
    expect(body.runs.map((x) => x.fontEastAsia)).toEqual(body.runs.map(() => "方正仿宋_GBK"));
    // Levels the config does not change keep the profile's fonts.
    expect(doc.paragraphs.find((p) => p.text === "调研内容")!.runs[0].fontEastAsia).toBe("黑体");
  });

  it.each<[string[], Record<string, Uint8Array | string>, RegExp]>([
    [["format", "in.docx", "-o", "in.docx"], {}, /输出文件不能与输入文件相同/],
    [["format", "in.docx", "-o", "./sub/../in.docx"], {}, /输出文件不能与输入文件相同/],
    [["format", "in.docx"], {}, /请用 -o 指定输出文件/],
    [["format", "-o", "out.docx"], {}, /请给出要排版的 \.docx 文件/],
    [["format", "in.docx", "b.docx", "-o", "out.docx"], {}, /排版多个文件时，-o 应是一个文件夹/],
    [["format", "in.docx", "b.docx", "-o", "nowhere"], {}, /输出文件夹不存在：nowhere/],
    [["format", "missing.docx", "-o", "out.docx"], {}, /找不到文件：missing\.docx/],
    [["format", "a.txt", "-o", "out.docx"], { "a.txt": "同志们：\n今天开会。\n" }, /a\.txt：.*docx/],
    [["format", "in.docx", "-o", "out.docx"], { "out.docx": new Uint8Array([1]) }, /文件已存在：out\.docx/],
    [["format", "in.docx", "-o", "out.docx", "--profile", "x"], {}, /没有名为「x」的规则集/],
    [["format", "in.docx", "-o", "out.docx", "--config", "none.json"], {}, /找不到配置文件/],
  ])("exits 2 with one Chinese line for %p", (argv, extra, re) => {
    const input = fixture("gongwen.docx");
    const r = run(argv, { "in.docx": input, ...extra });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.files["in.docx"]).toBe(input);
  });

  describe("many files into a folder", () => {
    const gw = fixture("gongwen.docx");
    const lo = fixture("lo-outline.docx");
    const textOf = (b: Uint8Array) => readDocx(b).paragraphs.map((p) => (p.listLabel ?? "") + p.text);

    it("writes one output per input under its own name, text unchanged, inputs untouched", () => {
      const r = run(["format", "a.docx", "sub/b.docx", "-o", "out"], { "a.docx": gw, "sub/b.docx": lo, out: "DIR", sub: "DIR" });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/已排版：a\.docx → out\/a\.docx/);
      expect(r.out).toMatch(/已排版：sub\/b\.docx → out\/b\.docx/);
      expect(r.out).toContain("共 2 个文件：排版完成 2 个。");
      expect(textOf(bytesOf(r.files["out/a.docx"]))).toEqual(textOf(gw));
      expect(textOf(bytesOf(r.files["out/b.docx"]))).toEqual(textOf(lo));
      expect(r.files["a.docx"]).toBe(gw);
      expect(r.files["sub/b.docx"]).toBe(lo);
    });

    it("a single input with -o naming a folder goes into that folder", () => {
      const r = run(["format", "a.docx", "-o", "out/"], { "a.docx": gw, out: "DIR" });
      expect(r.code).toBe(0);
      expect(r.files["out/a.docx"]).toBeInstanceOf(Uint8Array);
    });

    it("reports each failing file on its own line, formats the rest, exits 2", () => {
      const files = { "a.docx": gw, "bad.docx": "不是 docx", "c.txt": "同志们：", "d.docx": lo, "x/a.docx": lo, x: "DIR", out: "DIR", "out/d.docx": new Uint8Array([1]) };
      const r = run(["format", "a.docx", "bad.docx", "missing.docx", "c.txt", "d.docx", "x/a.docx", "-o", "out"], files);
      expect(r.code).toBe(2);
      const err = r.err.split("\n").filter((l) => l && !l.startsWith("排版进度"));
      expect(err).toHaveLength(5);
      expect(err[0]).toMatch(/^bad\.docx：/);
      expect(err[1]).toMatch(/^missing\.docx：找不到文件/);
      expect(err[2]).toMatch(/^c\.txt：只能排版 \.docx 文件/);
      expect(err[3]).toMatch(/^d\.docx：文件已存在：out\/d\.docx/);
      expect(err[4]).toMatch(/^x\/a\.docx：与 a\.docx 同名/);
      expect(r.err).toMatch(/排版进度 1\/6：a\.docx/);
      expect(r.out).toContain("共 6 个文件：排版完成 1 个，失败 5 个");
      expect(textOf(bytesOf(r.files["out/a.docx"]))).toEqual(textOf(gw));
      expect(r.files["out/d.docx"]).toEqual(new Uint8Array([1]));
    });

    it("never writes over an input, even with --force, when the folder is the inputs' own", () => {
      const r = run(["format", "a.docx", "b.docx", "-o", ".", "--force"], { "a.docx": gw, "b.docx": lo });
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(2);
      expect(r.err).toMatch(/输出文件不能与输入文件相同/);
      expect(r.files["a.docx"]).toBe(gw);
      expect(r.files["b.docx"]).toBe(lo);
    });
  });

  it("lists new and format in --help", () => {
    const r = run(["--help"]);
    expect(r.out).toContain("biganzi new --template");
    expect(r.out).toContain("biganzi format <文件.docx> -o");
  });
});
