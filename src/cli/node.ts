/** The Node side of the CLI: real files, real stdout. */
import * as fs from "fs";
import * as path from "path";
import { decodeSpellModel } from "../core/spell/model";
import type { SpellModel } from "../core/spell/types";
import { main, type CliIO, type PathInfo } from "./main";

/** assets/spell/spell.bin of the installed package (this file runs from lib/cli/). */
const SPELL_MODEL = path.join(__dirname, "..", "..", "assets", "spell", "spell.bin");

/** The spelling model, or undefined (with one line on stderr) when it is missing or unreadable. */
function loadSpellModel(stderr: (s: string) => void): SpellModel | undefined {
  try {
    return decodeSpellModel(new Uint8Array(fs.readFileSync(SPELL_MODEL)));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "未找到拼写模型文件" : `拼写模型无法读取（${(e as Error).message}）`;
    stderr(`提示：${why}，本次检查不含“疑似错别字”统计检查（${SPELL_MODEL}）。\n`);
    return undefined;
  }
}

/** Reads at most `max` bytes: a file that grows after its size was checked cannot make us read more. */
function readBounded(p: string, max: number | undefined): Uint8Array {
  if (max === undefined) return new Uint8Array(fs.readFileSync(p));
  const fd = fs.openSync(p, "r");
  try {
    const buf = new Uint8Array(Math.min(max, Math.max(0, fs.fstatSync(fd).size)));
    let n = 0;
    while (n < buf.length) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return n === buf.length ? buf : buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export function nodeIO(): CliIO {
  let version = "0.0.0";
  try {
    version = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    /* keep the default */
  }
  const stderr = (s: string): void => void process.stderr.write(s);
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (p, max) => readBounded(p, max),
    fileSize: (p) => {
      try {
        return fs.statSync(p).size;
      } catch {
        return undefined;
      }
    },
    isDirectory: (p) => {
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    writeFile: (p, bytes) => fs.writeFileSync(p, bytes, { flag: "wx" }),
    exists: (p) => fs.existsSync(p),
    stat: (p): PathInfo | undefined => {
      let st: fs.BigIntStats | undefined;
      try {
        st = fs.statSync(p, { bigint: true });
      } catch {
        return undefined;
      }
      const kind = st.isFile() ? "file" : st.isDirectory() ? "directory" : "other";
      return { kind, size: Number(st.size), id: `${st.dev}:${st.ino}` };
    },
    realpath: (p) => {
      try {
        return fs.realpathSync.native(p);
      } catch {
        return undefined;
      }
    },
    rename: (from, to) => fs.renameSync(from, to),
    remove: (p) => fs.rmSync(p, { force: true }),
    version,
    loadSpellModel: () => loadSpellModel(stderr),
  };
}

export function run(argv: string[] = process.argv.slice(2)): void {
  const code = main(argv, nodeIO());
  process.exitCode = code;
}
