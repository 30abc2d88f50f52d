import { main, type CliIO } from "../../src/cli/main";
import { THEMES, PHRASE_KINDS } from "../../src/core/phrases/types";

interface Captured {
  code: number;
  out: string;
  err: string;
}

function run(argv: string[]): Captured {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: () => {
      throw new Error("ENOENT");
    },
    fileSize: () => undefined,
    isDirectory: () => false,
    writeFile: () => {
      throw new Error("suggest never writes");
    },
    exists: () => false,
    stat: () => undefined,
    realpath: () => undefined,
    rename: () => {
      throw new Error("suggest never writes");
    },
    remove: () => {},
    version: "9.9.9",
  };
  const code = main(argv, io);
  return { code, out, err };
}

describe("biganzi suggest", () => {
  it("prints one suggestion per line with kind and themes", () => {
    const r = run(["suggest", "二、进一步转变作风提升效能"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    for (const [i, line] of lines.entries()) {
      expect(line).toMatch(new RegExp(`^ ?${i + 1}\\. \\S.*  〔(${PHRASE_KINDS.join("|")})(·[一二三]级)?｜[^〕]+〕$`));
    }
    // The heading is about 作风: most of what comes back carries that theme.
    expect(lines.filter((l) => /〔[^｜]*｜[^〕]*作风/.test(l)).length).toBeGreaterThanOrEqual(6);
  });

  it("prints JSON rows {text, kind, themes, score} with --json, best first", () => {
    const r = run(["suggest", "一、严守保密纪律，筑牢安全防线", "--json", "--limit", "5"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["kind", "score", "text", "themes"]);
      expect(PHRASE_KINDS).toContain(row.kind);
      for (const t of row.themes) expect(THEMES).toContain(t);
      expect(typeof row.score).toBe("number");
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].score).toBeGreaterThanOrEqual(rows[i].score);
    expect(rows.filter((x: { themes: string[] }) => x.themes.includes("保密")).length).toBeGreaterThanOrEqual(4);
  });

  it("takes --level and --limit in both spellings", () => {
    const a = run(["suggest", "加强作风建设", "--level=1", "--limit=3", "--json"]);
    const b = run(["suggest", "加强作风建设", "--level", "1", "--limit", "3", "--json"]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const rows = JSON.parse(a.out);
    expect(rows).toHaveLength(3);
    // Under a level-1 heading, the headings offered are level-2 headings.
    expect(rows.some((x: { kind: string }) => x.kind === "标题")).toBe(true);
  });

  it("still suggests for odd input (empty heading, punctuation only)", () => {
    for (const h of ["", "，。！", "hello"]) {
      const r = run(["suggest", h, "--limit", "4"]);
      expect(r.code).toBe(0);
      expect(r.out.trimEnd().split("\n")).toHaveLength(4);
    }
  });

  it.each([
    [["suggest"], /请给出标题/],
    [["suggest", "一、加强学习", "--level", "9"], /--level 只能是 1 到 5 的整数，收到「9」/],
    [["suggest", "一、加强学习", "--level", "x"], /--level 只能是/],
    [["suggest", "一、加强学习", "--limit", "0"], /--limit 只能是 1 到 50 的整数/],
    [["suggest", "一、加强学习", "--limit"], /选项 --limit 需要一个值/],
    [["suggest", "一、加强学习", "--format", "json"], /未知选项「--format」/],
    [["suggest", "一、加强学习", "二、转变作风"], /只能给出一个标题/],
  ])("exits 2 with one Chinese line for %j", (argv, msg) => {
    const r = run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(msg);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("is listed in --help", () => {
    const r = run(["--help"]);
    expect(r.out).toContain("biganzi suggest");
    expect(r.out).toContain("--limit N");
  });
});
