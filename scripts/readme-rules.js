#!/usr/bin/env node
/** Rewrites the rule table in README.md from the rules themselves (run after npm run build:cli). */
"use strict";
const fs = require("fs");
const path = require("path");
const { rulesMarkdown } = require("../lib/cli/main.js");
const p = path.join(__dirname, "..", "README.md");
const s = fs.readFileSync(p, "utf8");
const a = s.indexOf("<!-- rules:start -->");
const b = s.indexOf("<!-- rules:end -->");
if (a < 0 || b < a) throw new Error("README.md has no rules markers");
fs.writeFileSync(p, s.slice(0, a) + "<!-- rules:start -->\n" + rulesMarkdown() + s.slice(b));
console.log("README.md rule table updated");
