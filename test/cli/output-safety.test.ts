/**
 * Commands that write (format, new) never write over their input, write through a temporary file
 * renamed into place, and report folder problems in one Chinese line; `check` keeps every good
 * file's result when another file fails. In-memory first (the fake in test/helpers/cliRun.ts),
 * then on the real file system through nodeIO for links and inodes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/node";
import { runCli } from "../helpers/cliRun";

const fixture = () => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", "gongwen.docx")));
const SAME = /输出文件不能与输入文件相同/;

function oneLine(err: string): void {
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/内部错误|ENOENT|EACCES|EPERM/);
}

describe("format never writes over its input (in memory)", () => {
  it.each<[string, string[], Record<string, Uint8Array | string>]>([
    ["a symbolic link to the input", ["-o", "link.docx", "--force"], { "link.docx": "->in.docx" }],
    ["a link to a link to the input", ["-o", "l2.docx", "--force"], { "l1.docx": "->in.docx", "l2.docx": "->l1.docx" }],
    ["the absolute path of the input", ["-o", "/work/in.docx", "--force"], {}],
    ["a ../ path to the input", ["-o", "sub/../in.docx", "--force"], { sub: "DIR" }],
  ])("refuses %s, even with --force", (_what, args, extra) => {
    const input = fixture();
    const r = runCli(["format", "in.docx", ...args], { "in.docx": input, ...extra });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(SAME);
    oneLine(r.err);
    expect(r.files["in.docx"]).toBe(input);
  });

  it("refuses a hard link to the input (same file under another name)", () => {
    const input = fixture();
    const r = runCli(["format", "in.docx", "-o", "hard.docx", "--force"], { "in.docx": input, "hard.docx": input });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(SAME);
  });

  it("replaces a symbolic link at the output with the new file, leaving the file it pointed to alone", () => {
    const other = new Uint8Array([9, 9, 9]);
    const r = runCli(["format", "in.docx", "-o", "link.docx", "--force"], { "in.docx": fixture(), "other.docx": other, "link.docx": "->other.docx" });
    expect(r.code).toBe(0);
    expect(r.files["other.docx"]).toBe(other);
    expect(r.files["link.docx"]).toBeInstanceOf(Uint8Array);
  });

  it("writes through a temporary file in the same folder, renamed into place", () => {
    const written: string[] = [];
    const r = runCli(["format", "in.docx", "-o", "out/new.docx"], { "in.docx": fixture(), out: "DIR" }, { writeFile: (p) => void written.push(p) });
    expect(r.code).toBe(0);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^out\/\.new\.docx\..*\.biganzi-tmp$/);
    expect(Object.keys(r.files).filter((k) => k.includes("biganzi-tmp"))).toEqual([]);
    expect(r.files["out/new.docx"]).toBeInstanceOf(Uint8Array);
  });

  it("a failed write leaves the previous output untouched and no temporary file behind", () => {
    const previous = new Uint8Array([1, 2, 3]);
    const r = runCli(["format", "in.docx", "-o", "out.docx", "--force"], { "in.docx": fixture(), "out.docx": previous }, {
      writeFile: (p) => {
        // Part of the file is written, then the disk is full.
        throw Object.assign(new Error("ENOSPC " + p), { code: "ENOSPC" });
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/磁盘空间不足.*原有文件未改动/);
    oneLine(r.err);
    expect(r.files["out.docx"]).toBe(previous);
    expect(Object.keys(r.files).filter((k) => k.includes("biganzi-tmp"))).toEqual([]);
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ["format into a missing folder", ["format", "in.docx", "-o", "nope/out.docx"], {}, /输出文件夹不存在：nope/],
    ["new into a missing folder", ["new", "--template", "通知", "-o", "nope/a.docx"], {}, /输出文件夹不存在：nope/],
    ["format into a read-only folder", ["format", "in.docx", "-o", "ro/out.docx"], { ro: "DIR:ro" }, /没有权限写入 ro\/out\.docx/],
    ["new into a read-only folder", ["new", "--template", "通知", "-o", "ro/a.docx"], { ro: "DIR:ro" }, /没有权限写入/],
    ["an output inside a file", ["new", "--template", "通知", "-o", "f.txt/a.docx"], { "f.txt": "x" }, /不是文件夹/],
  ])("%s: one Chinese line", (_what, argv, extra, re) => {
    const r = runCli(argv, { "in.docx": fixture(), ...extra });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    oneLine(r.err);
  });
});

describe("inputs that are not regular files", () => {
  it("a pipe or device is refused by type (the fake's readFile would fail otherwise)", () => {
    const r = runCli(["check", "pipe.docx"], { "pipe.docx": "FIFO" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件/);
    oneLine(r.err);
    const f = runCli(["format", "pipe.docx", "-o", "o.docx"], { "pipe.docx": "FIFO" });
    expect(f.err).toMatch(/不是普通文件/);
  });

  it("a config that is a pipe is refused", () => {
    const r = runCli(["check", "--config", "c.json", "a.txt"], { "c.json": "FIFO", "a.txt": "同志们：" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/配置文件「c\.json」不是普通文件/);
  });
});

describe("check isolates each file", () => {
  it("an unexpected failure on one file is its own line; the others print in full, text and JSON, exit 2", () => {
    const files = { "a.txt": "同志们：\n要立即处臵。\n", "b.txt": "同志们：\n今天开会。\n", "bad.docx": new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) };
    const text = runCli(["check", "a.txt", "bad.docx", "missing.txt", "b.txt"], files);
    expect(text.code).toBe(2);
    expect(text.out).toContain("a.txt\n");
    expect(text.out).toContain("(typo)");
    expect(text.out).toContain("b.txt\n");
    expect(text.out).toContain("检查了 2 个文件");
    expect(text.err.trim().split("\n")).toHaveLength(2);
    expect(text.err).toMatch(/^bad\.docx：/m);
    expect(text.err).toMatch(/^missing\.txt：找不到文件/m);
    const json = runCli(["check", "--format", "json", "a.txt", "bad.docx", "b.txt"], files);
    expect(json.code).toBe(2);
    const data = JSON.parse(json.out) as Array<{ file: string; error?: string; findings: unknown[] }>;
    expect(data.map((d) => d.file)).toEqual(["a.txt", "bad.docx", "b.txt"]);
    expect(data[0].findings.length).toBeGreaterThan(0);
    expect(data[1].error).toMatch(/损坏|不是/);
    expect(data[1].findings).toEqual([]);
    expect(data[2].error).toBeUndefined();
  });

  it("a file whose reading throws something unexpected does not lose the others", () => {
    let err = "";
    let out = "";
    const base = nodeIO();
    const code = main(["check", "x.txt", "y.txt"], {
      ...base,
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      stat: () => ({ kind: "file", size: 10, id: "1" }),
      readFile: (p) => {
        if (p === "x.txt") throw new Error("boom");
        return new TextEncoder().encode("同志们：\n要立即处臵。\n");
      },
    });
    expect(code).toBe(2);
    expect(err).toMatch(/^x\.txt：内部错误：boom/);
    expect(out).toContain("y.txt");
    expect(out).toContain("(typo)");
  });
});

describe("on the real file system (nodeIO)", () => {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-out-"));
    fs.writeFileSync(path.join(dir, "in.docx"), fixture());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(argv: string[]) {
    let out = "";
    let err = "";
    const code = main(argv, { ...nodeIO(), stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
    return { code, out, err };
  }

  const input = () => path.join(dir, "in.docx");
  const untouched = () => expect(Buffer.compare(fs.readFileSync(input()), Buffer.from(fixture()))).toBe(0);

  it("refuses a symbolic link, a hard link, an absolute and a ../ path to the input, even with --force", () => {
    fs.symlinkSync(input(), path.join(dir, "sym.docx"));
    fs.linkSync(input(), path.join(dir, "hard.docx"));
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(dir, path.join(dir, "sub", "alias"));
    for (const o of ["sym.docx", "hard.docx", "sub/../in.docx", "./in.docx", "sub/alias/in.docx"].map((x) => path.join(dir, x)).concat([path.relative(process.cwd(), input())])) {
      const r = run(["format", input(), "-o", o, "--force"]);
      expect({ o, code: r.code }).toEqual({ o, code: 2 });
      expect(r.err).toMatch(SAME);
    }
    untouched();
  });

  it("writes the output atomically and leaves no temporary file", () => {
    const out = path.join(dir, "out.docx");
    fs.writeFileSync(out, "old");
    const r = run(["format", input(), "-o", out, "--force"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).sort()).toEqual(["in.docx", "out.docx"]);
    untouched();
  });

  it("a missing output folder is one Chinese line", () => {
    const r = run(["format", input(), "-o", path.join(dir, "nope", "out.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件夹不存在/);
    oneLine(r.err);
  });

  it("a FIFO input is refused by type without blocking", () => {
    const fifo = path.join(dir, "pipe.docx");
    try {
      require("child_process").execFileSync("mkfifo", [fifo]);
    } catch {
      return; // no mkfifo here
    }
    const r = run(["check", fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件/);
  });
});
