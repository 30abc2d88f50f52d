#!/usr/bin/env node
/**
 * npm start: the "try it" command. Builds the command-line checker if needed and runs it on the
 * bundled sample drafts (five real speeches with real faults), so a new user sees what it finds.
 */
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
if (!fs.existsSync(path.join(root, "lib", "cli", "node.js"))) {
  execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "inherit" });
}
const seeds = path.join(root, "test", "fixtures", "seeds");
const files = fs.readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join("test", "fixtures", "seeds", f));
const extra = ["test/fixtures/sample-speech.docx"].filter((f) => fs.existsSync(path.join(root, f)));
console.log("笔杆子：检查随附的样稿（命令：npx biganzi check <文件…>）\n");
const r = spawnSync(process.execPath, [path.join(root, "bin", "biganzi.js"), "check", ...extra, ...files], { cwd: root, stdio: "inherit" });
// Findings in the samples are expected: exit 0 unless the checker itself failed.
process.exit(r.status === 2 ? 2 : 0);
