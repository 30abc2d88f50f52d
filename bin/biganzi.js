#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/node.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("笔杆子命令行尚未构建，请先在项目目录运行：npm run build:cli\n");
    process.exit(2);
  }
  throw e;
}
cli.run();
