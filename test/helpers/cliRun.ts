/**
 * Runs the CLI in-process over in-memory files. A value of "DIR" makes a folder, "DIR:ro" a folder
 * that refuses writes, "FIFO" something that is neither file nor folder (a pipe, a device), and
 * "->name" a symbolic link to `name`. The same Uint8Array object under two names is one file
 * with two names (a hard link).
 */
import { main, type CliIO, type PathInfo } from "../../src/cli/main";

export type MemFiles = Record<string, Uint8Array | string>;

export interface Captured {
  code: number;
  out: string;
  err: string;
  /** The files after the run, including any the command wrote. */
  files: MemFiles;
}

/** Ways to make the fake file system fail, for the tests of failed writes. */
export interface FakeHooks {
  writeFile?(path: string, bytes: Uint8Array): void;
}

const CWD = "/work";

/** "./a/../b" → "/work/b": absolute, "." and ".." resolved (links are not followed). */
function absolute(p: string): string {
  const out: string[] = [];
  const full = p.startsWith("/") ? p : `${CWD}/${p}`;
  for (const seg of full.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return "/" + out.join("/");
}

export function runCli(argv: string[], files: MemFiles = {}, hooks: FakeHooks = {}): Captured {
  let out = "";
  let err = "";
  const enc = new TextEncoder();
  // Keys as absolute paths, so "./x", "/work/x" and "x" are the same file.
  const keyOf = new Map<string, string>();
  for (const k of Object.keys(files)) keyOf.set(absolute(k), k);
  const lookup = (p: string): string | undefined => keyOf.get(absolute(p));
  /** Follows links to the name of what is finally there (or the dangling name). */
  const resolveLinks = (p: string): string => {
    let abs = absolute(p);
    for (let hops = 0; hops < 8; hops++) {
      const k = keyOf.get(abs);
      const v = k === undefined ? undefined : files[k];
      if (typeof v !== "string" || !v.startsWith("->")) return abs;
      abs = absolute(v.slice(2));
    }
    return abs;
  };
  const valueAt = (p: string): Uint8Array | string | undefined => {
    if (absolute(p) === CWD) return "DIR";
    const k = keyOf.get(resolveLinks(p));
    return k === undefined ? undefined : files[k];
  };
  const ids = new WeakMap<Uint8Array, number>();
  let nextId = 1;
  const errno = (code: string) => Object.assign(new Error(code), { code });
  const set = (p: string, v: Uint8Array) => {
    const k = lookup(p) ?? p;
    keyOf.set(absolute(p), k);
    files[k] = v;
  };
  const io: CliIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: (p, max) => {
      const v = valueAt(p);
      if (v === undefined || (typeof v === "string" && /^(DIR|FIFO)/.test(v))) throw errno("ENOENT");
      const bytes = typeof v === "string" ? enc.encode(v) : v;
      return max === undefined ? bytes : bytes.subarray(0, max);
    },
    fileSize: (p) => {
      const v = valueAt(p);
      if (v === undefined) return undefined;
      return typeof v === "string" ? enc.encode(v).length : v.length;
    },
    isDirectory: (p) => String(valueAt(p)).startsWith("DIR"),
    writeFile: (p, bytes) => {
      hooks.writeFile?.(p, bytes);
      const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) || "/" : ".";
      const d = valueAt(dir);
      if (d === undefined) throw errno("ENOENT");
      if (d === "DIR:ro") throw errno("EACCES");
      set(p, bytes);
    },
    exists: (p) => valueAt(p) !== undefined,
    stat: (p): PathInfo | undefined => {
      const v = valueAt(p);
      if (v === undefined) return undefined;
      if (typeof v === "string" && v.startsWith("DIR")) return { kind: "directory", size: 0, id: "d:" + resolveLinks(p) };
      if (v === "FIFO") return { kind: "other", size: 0, id: "p:" + resolveLinks(p) };
      if (typeof v === "string") return { kind: "file", size: enc.encode(v).length, id: "f:" + resolveLinks(p) };
      if (!ids.has(v)) ids.set(v, nextId++);
      return { kind: "file", size: v.length, id: "i:" + ids.get(v) };
    },
    realpath: (p) => (valueAt(p) === undefined ? undefined : resolveLinks(p)),
    rename: (from, to) => {
      const k = lookup(from);
      if (k === undefined) throw errno("ENOENT");
      const v = files[k];
      delete files[k];
      keyOf.delete(absolute(from));
      // Like rename(2): a link at the target is replaced, not followed.
      const tk = lookup(to) ?? to;
      keyOf.set(absolute(to), tk);
      files[tk] = v;
    },
    remove: (p) => {
      const k = lookup(p);
      if (k === undefined) return;
      delete files[k];
      keyOf.delete(absolute(p));
    },
    version: "9.9.9",
  };
  const code = main(argv, io);
  return { code, out, err, files };
}
