/** Runs the CLI in-process over in-memory files (a value of "DIR" makes a directory). */
import { main, type CliIO } from "../../src/cli/main";

export type MemFiles = Record<string, Uint8Array | string>;

export interface Captured {
  code: number;
  out: string;
  err: string;
  /** The files after the run, including any the command wrote. */
  files: MemFiles;
}

export function runCli(argv: string[], files: MemFiles = {}): Captured {
  let out = "";
  let err = "";
  const enc = new TextEncoder();
  const io: CliIO = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: (p) => {
      const v = files[p];
      if (v === undefined || v === "DIR") throw new Error("ENOENT");
      return typeof v === "string" ? enc.encode(v) : v;
    },
    fileSize: (p) => {
      const v = files[p];
      if (v === undefined) return undefined;
      return typeof v === "string" ? enc.encode(v).length : v.length;
    },
    isDirectory: (p) => files[p] === "DIR",
    writeFile: (p, bytes) => void (files[p] = bytes),
    exists: (p) => files[p] !== undefined,
    version: "9.9.9",
  };
  const code = main(argv, io);
  return { code, out, err, files };
}
