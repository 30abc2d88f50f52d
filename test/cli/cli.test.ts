import * as fs from "fs";
import * as path from "path";
import { main, type CliIO } from "../../src/cli/main";
import { runCli } from "../helpers/cliRun";
import { cfb } from "../helpers/cfb";

const run = runCli;

const seedDir = path.join(__dirname, "..", "fixtures", "seeds");
const seed = (name: string) => fs.readFileSync(path.join(seedDir, name), "utf8");

describe("biganzi check", () => {
  it("exits 0 and says so for a clean draft", () => {
    const r = run(["check", "a.txt"], { "a.txt": "同志们：\n今天召开会议。\n" });
    expect(r.err).toBe("");
    expect(r.out).toContain("未发现问题");
    expect(r.code).toBe(0);
  });

  it("reports an error-severity finding with exit 1, grouped by file and paragraph", () => {
    const r = run(["check", "a.txt"], { "a.txt": "同志们：\n这项工作要立即处臵。\n" });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^a\.txt\n/);
    expect(r.out).toContain("第 2 段");
    expect(r.out).toContain("臵");
    expect(r.out).toContain("(typo)");
  });

  it("prints the stable JSON schema with --format json", () => {
    const r = run(["check", "--format", "json", "a.txt"], { "a.txt": "同志们：\n要搞好20xx年的工作,抓好落实。\n" });
    const data = JSON.parse(r.out);
    expect(Array.isArray(data)).toBe(true);
    expect(data[0].file).toBe("a.txt");
    const fs0 = data[0].findings;
    expect(fs0.length).toBeGreaterThan(0);
    for (const f of fs0) {
      expect(Object.keys(f).sort()).toEqual(
        expect.arrayContaining(["rule", "category", "severity", "paragraph", "start", "end", "excerpt", "message"]),
      );
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(typeof f.start).toBe("number");
    }
    const cats = fs0.map((f: { category: string }) => f.category);
    expect(cats).toContain("placeholder");
    expect(cats).toContain("punctuation.width");
    const comma = fs0.find((f: { category: string }) => f.category === "punctuation.width");
    expect(comma.excerpt).toBe(",");
    // which check of the rule made it, stable across wording changes
    expect(comma.messageId).toBe("comma");
    expect("要搞好20xx年的工作,抓好落实。".slice(comma.start, comma.end)).toBe(",");
  });

  it.each([
    [["check", "missing.docx"], {}, /找不到文件：missing\.docx/],
    [["check", "folder"], { folder: "DIR" }, /是文件夹/],
    [["check", "x.docx"], { "x.docx": new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }, /\.docx|无法|不是/],
    [["check", "--format", "xml", "a.txt"], { "a.txt": "a" }, /--format 只能是 text 或 json/],
    [["check", "--profile", "nope", "a.txt"], { "a.txt": "a" }, /没有名为「nope」的规则集/],
    [["check"], {}, /请给出要检查的文件/],
    [["check", "--bogus", "a.txt"], { "a.txt": "a" }, /未知选项/],
    [["frobnicate"], {}, /未知命令/],
    [["check", "--config", "c.json", "a.txt"], { "a.txt": "a", "c.json": "{not json" }, /不是有效的 JSON/],
    [["check", "--config", "c.json", "a.txt"], { "a.txt": "a", "c.json": '{"rules":{"no-such-rule":"off"}}' }, /规则「no-such-rule」不存在/],
  ])("exits 2 with one Chinese line for bad input %j", (argv, files, re) => {
    const r = run(argv as string[], files as Record<string, string>);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("rejects a 50 MB file before reading it", () => {
    let read = false;
    const io: CliIO = {
      stdout: () => {},
      stderr: (s) => void (err += s),
      readFile: () => {
        read = true;
        return new Uint8Array(0);
      },
      fileSize: () => 50 * 1024 * 1024,
      isDirectory: () => false,
      writeFile: () => {
        throw new Error("check never writes");
      },
      exists: () => true,
      stat: () => ({ kind: "file", size: 50 * 1024 * 1024, id: "1" }),
      realpath: (p) => "/" + p,
      rename: () => {
        throw new Error("check never writes");
      },
      remove: () => {},
      version: "0",
    };
    let err = "";
    expect(main(["check", "big.docx"], io)).toBe(2);
    expect(read).toBe(false);
    expect(err).toMatch(/文件过大（50\.0 MB）/);
  });

  it("still checks the good files when one input is bad, and exits 2", () => {
    const r = run(["check", "good.txt", "missing.txt"], { "good.txt": "同志们：\n今天开会。" });
    expect(r.code).toBe(2);
    expect(r.out).toContain("good.txt");
    expect(r.err).toContain("missing.txt");
  });

  it("turns a rule off through --config", () => {
    const files = { "a.txt": "同志们：\n要立即处臵。", "c.json": '{"rules":{"typo":"off"}}' };
    expect(run(["check", "a.txt"], files).out).toContain("(typo)");
    const r = run(["check", "--config", "c.json", "a.txt"], files);
    expect(r.out).not.toContain("(typo)");
  });

  it("switches off one check of a rule through --config, keeping the rule's other checks", () => {
    const files = { "a.txt": "同志们：\n要搞好工作,抓好落实;加强协调。", "c.json": '{"rules":{"punctuation-halfwidth/comma":"off"}}' };
    const all = JSON.parse(run(["check", "--format", "json", "a.txt"], files).out)[0].findings.map((f: { messageId?: string }) => f.messageId);
    expect(all).toEqual(expect.arrayContaining(["comma", "semicolon"]));
    const r = run(["check", "--format", "json", "--config", "c.json", "a.txt"], files);
    const some = JSON.parse(r.out)[0].findings.map((f: { messageId?: string }) => f.messageId);
    expect(some).not.toContain("comma");
    expect(some).toContain("semicolon");
    const bad = run(["check", "--config", "c.json", "a.txt"], { ...files, "c.json": '{"rules":{"punctuation-halfwidth/komma":"off"}}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("没有名为「komma」的检查项");
  });

  it("finds the real faults of the seed speeches", () => {
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(seedDir)) files[f] = seed(f);
    const r = run(["check", "--format", "json", ...Object.keys(files).sort()], files);
    const data = JSON.parse(r.out) as Array<{ file: string; findings: Array<{ rule: string; category: string; excerpt: string }> }>;
    const all = data.flatMap((d) => d.findings);
    const has = (cat: string, re: RegExp) => all.some((f) => f.category === cat && re.test(f.excerpt));
    expect(has("numbering.marker", /\(一\)/)).toBe(true);
    expect(has("placeholder", /20xx/i)).toBe(true);
    expect(all.some((f) => f.category === "typo" && f.excerpt.includes("臵"))).toBe(true);
    expect(all.some((f) => f.category === "garbled")).toBe(true);
  });
});

describe("biganzi rules / help / version", () => {
  it("lists every rule with category and source", () => {
    const r = run(["rules", "--json"]);
    const rules = JSON.parse(r.out) as Array<{ id: string; category: string; source: string }>;
    expect(rules.length).toBeGreaterThanOrEqual(18);
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
  });
  it("prints help in Chinese and the version", () => {
    expect(run(["--help"]).out).toContain("用法");
    expect(run(["--version"]).out.trim()).toBe("9.9.9");
    expect(run([]).code).toBe(2);
  });
});

describe("biganzi check on bad real files", () => {
  const fx = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", name)));

  it.each([
    ["an empty document", "empty.docx", () => fx("empty.docx"), /没有任何文字/],
    ["an old .doc", "legacy.doc", () => fx("legacy.doc"), /旧版 \.doc/],
    ["a truncated (corrupt) .docx", "cut.docx", () => fx("gongwen.docx").slice(0, 5000), /损坏|无法/],
    ["a password-protected .docx", "secret.docx", () => cfb(["EncryptionInfo", "EncryptedPackage"]), /加密|密码/],
    ["a text file renamed .docx", "notes.docx", () => new TextEncoder().encode("同志们：今天开会。"), /\.docx|不是/],
  ])("%s: one Chinese line, exit 2", (_what, name, bytes, re) => {
    const r = run(["check", name], { [name]: bytes() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\s+at\s/);
  });
});
