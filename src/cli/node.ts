/** The Node side of the CLI: real files, real stdout. */
import * as fs from "fs";
import * as path from "path";
import { main, type CliIO, type PathInfo } from "./main";

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
  };
}

export function run(argv: string[] = process.argv.slice(2)): void {
  const code = main(argv, nodeIO());
  process.exitCode = code;
}
