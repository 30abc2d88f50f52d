#!/usr/bin/env node
/**
 * Project lint: the architecture rules the design card sets, checked on the TypeScript AST.
 *  1. src/core is pure: no Word/Office/DOM/Node globals or modules.
 *  2. Only src/office touches Word/Office; office-js-helpers is imported by one module only.
 *  3. Nothing leaves the machine: no fetch/XMLHttpRequest/WebSocket/sendBeacon/EventSource in src
 *     (one same-origin fetch of the spelling model in src/taskpane/spellAsset.ts),
 *     no http(s) URLs in src other than the allow-list.
 *  4. No context.sync() inside a loop or an iteration callback in src/office.
 *  5. No console.log in src/core; no debugger; no .only in tests.
 *  6. The hosts, the Word gateway, the preview, the outline actions and the taskpane take the shared
 *     vocabulary (edits, fixes, findings) from src/core/edits.ts and src/core/findings.ts, never from
 *     src/core/rules/types.ts (the rule list, src/core/rules, is fine where needed).
 * Exit 1 with one line per problem.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const root = path.resolve(process.env.LINT_ROOT || path.join(__dirname, ".."));
const problems = [];

function walkFiles(dir, exts) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const rel = (p) => path.relative(root, p).split(path.sep).join("/");
const HELPERS_MODULE = "src/office/host.ts";
/** The one module that may fetch: the spelling model from the add-in's own origin (mode "same-origin"). */
const FETCH_MODULE = "src/taskpane/spellAsset.ts";
const URL_ALLOW = [
  /^https:\/\/appsforoffice\.microsoft\.com\//, // office.js CDN (the design card)
  /^https:\/\/localhost(:\d+)?\//,
  /^http:\/\/schemas\.openxmlformats\.org\//, // OOXML namespaces (identifiers, never fetched)
  /^http:\/\/schemas\.microsoft\.com\//,
  /^http:\/\/purl\.org\//,
  /^http:\/\/www\.w3\.org\//,
];
const CORE_FORBIDDEN_GLOBALS = new Set(["Word", "Office", "OfficeExtension", "window", "document", "navigator", "localStorage", "process", "Buffer", "require", "__dirname"]);
const NETWORK_GLOBALS = new Set(["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "importScripts"]);
/** Who must not import src/core/rules/types (rule 6). */
const VOCABULARY_USERS = [/^src\/office\//, /^src\/preview\//, /^src\/taskpane\//, /^src\/core\/outline\//, /^src\/core\/host\.ts$/];
const RULE_TYPES = "src/core/rules/types";
const LOOP_CALLBACKS = new Set(["forEach", "map", "flatMap", "filter", "reduce", "some", "every", "find"]);

function report(file, node, sf, msg) {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  problems.push(`${rel(file)}:${line + 1}: ${msg}`);
}

function insideLoop(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) {
      // A callback passed to an iteration method counts as a loop body.
      const call = p.parent;
      if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && LOOP_CALLBACKS.has(call.expression.name.text)) return true;
      return false;
    }
    if (ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return true;
  }
  return false;
}

function lintFile(file) {
  const r = rel(file);
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const isCore = r.startsWith("src/core/");
  const isOffice = r.startsWith("src/office/");
  const isSrc = r.startsWith("src/");
  const isTest = r.startsWith("test/");

  function visit(node) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const m = node.moduleSpecifier.text;
      if (isCore && !m.startsWith(".") && m !== "fflate") report(file, node, sf, `src/core may import only relative modules and fflate, not "${m}"`);
      if (isCore && m.startsWith(".")) {
        const target = path.resolve(path.dirname(file), m);
        if (!rel(target).startsWith("src/core")) report(file, node, sf, `src/core must not import from outside src/core ("${m}")`);
      }
      if (isOffice && m.startsWith(".") && rel(path.resolve(path.dirname(file), m)).startsWith("src/taskpane")) {
        report(file, node, sf, `src/office must not depend on the taskpane ("${m}")`);
      }
      if (m.startsWith(".") && VOCABULARY_USERS.some((re) => re.test(r))) {
        const target = rel(path.resolve(path.dirname(file), m)).replace(/\.(ts|tsx|js)$/, "").replace(/\/index$/, "");
        if (target === RULE_TYPES) {
          report(file, node, sf, `import edits and fixes from src/core/edits, findings and severities from src/core/findings, not from src/core/rules/types ("${m}")`);
        }
      }
      if (m === "@microsoft/office-js-helpers" && r !== HELPERS_MODULE) report(file, node, sf, `office-js-helpers may be imported only in ${HELPERS_MODULE}`);
    }
    if (ts.isIdentifier(node) && isSrc) {
      const name = node.text;
      const parent = node.parent;
      const isPropertyName = parent && ((ts.isPropertyAccessExpression(parent) && parent.name === node) || ts.isPropertyAssignment(parent) && parent.name === node || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isImportSpecifier(parent) || ts.isBindingElement(parent));
      const isDecl = parent && (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node;
      const isTypeRef = parent && (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent));
      if (!isPropertyName && !isDecl) {
        if (isCore && !isTypeRef && CORE_FORBIDDEN_GLOBALS.has(name)) report(file, node, sf, `src/core must stay pure: "${name}" is not allowed`);
        if (isCore && isTypeRef && (name === "Word" || name === "Office")) report(file, node, sf, `src/core must not use ${name} types`);
        if (!isOffice && !isCore && (name === "Word" || name === "Office" || name === "OfficeExtension") && !isTypeRef) report(file, node, sf, `only src/office may touch ${name}`);
        if (NETWORK_GLOBALS.has(name) && !(name === "fetch" && r === FETCH_MODULE)) report(file, node, sf, `network API "${name}" is not allowed: nothing leaves the machine`);
      }
      if (ts.isPropertyAccessExpression(parent) && parent.name === node && NETWORK_GLOBALS.has(name)) report(file, node, sf, `network API "${name}" is not allowed: nothing leaves the machine`);
    }
    if (isSrc && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
      for (const m of node.text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)]+/g)) {
        if (!URL_ALLOW.some((re) => re.test(m[0]))) report(file, node, sf, `URL "${m[0]}" is not on the allow-list: nothing leaves the machine`);
      }
    }
    if (isOffice && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "sync" && insideLoop(node)) {
      report(file, node, sf, "context.sync() inside a loop: batch the reads/writes and sync once");
    }
    if (isCore && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "console") {
      report(file, node, sf, "no console output in src/core");
    }
    if (node.kind === ts.SyntaxKind.DebuggerStatement) report(file, node, sf, "debugger statement");
    if (isTest && ts.isPropertyAccessExpression(node) && node.name.text === "only" && ts.isIdentifier(node.expression) && ["it", "test", "describe"].includes(node.expression.text)) {
      report(file, node, sf, `${node.expression.text}.only left in a test`);
    }
    ts.forEachChild(node, visit);
  }
  visit(sf);
}

const files = [...walkFiles(path.join(root, "src"), [".ts", ".tsx"]), ...walkFiles(path.join(root, "test"), [".ts", ".tsx"])];
for (const f of files) lintFile(f);

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`\nlint: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`lint: ${files.length} files, no problems`);
