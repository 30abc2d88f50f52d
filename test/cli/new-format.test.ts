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
    [["format", "in.docx", "b.docx", "-o", "out.docx"], {}, /一次只能排版一个文件/],
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

  it("lists new and format in --help", () => {
    const r = run(["--help"]);
    expect(r.out).toContain("biganzi new --template");
    expect(r.out).toContain("biganzi format <文件.docx> -o");
  });
});
