/** The Node side of the CLI: real files, real stdout. */
import * as fs from "fs";
import * as path from "path";
import { main, type CliIO } from "./main";

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
    readFile: (p) => new Uint8Array(fs.readFileSync(p)),
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
    writeFile: (p, bytes) => fs.writeFileSync(p, bytes),
    exists: (p) => fs.existsSync(p),
    version,
  };
}

export function run(argv: string[] = process.argv.slice(2)): void {
  const code = main(argv, nodeIO());
  process.exitCode = code;
}
