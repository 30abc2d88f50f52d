/**
 * The command-line entry: `biganzi check <files…>` runs the same core as the taskpane.
 *
 * Exit codes: 0 no error-severity finding, 1 some error-severity finding, 2 usage or input error.
 */
import { check, activeRules } from "../core/engine";
import type { DocModel } from "../core/model";
import { buildIndex, suggest, type PhraseIndex } from "../core/phrases";
import { loadLibrary } from "../core/phrases/library";
import { ConfigError, PROFILES, isProfileId, resolveProfile, validateConfig, type Profile, type UnitConfig, type FormatSpec } from "../core/profiles";
import { MAX_INPUT_BYTES, ReaderError, decodeText, readDocument } from "../core/reader";
import { tooLarge } from "../core/reader/errors";
import { ALL_RULES } from "../core/rules";
import { SECOND_LEVEL_FORMS, TEMPLATES, templateByName, type SecondLevelForm, type SkeletonOptions } from "../core/outline";
import { writeDocx } from "../core/writer/docx";
import { FormatError, formatDocx } from "../core/writer/formatDocx";
import { FixError, fixDocx, planFixes, type FixOutcome, type SkipReason } from "../core/writer/fixDocx";
import { formatChanges } from "../core/writer/formatFixes";
import { applyEditsToText, type Fix, type TextEdit } from "../core/edits";
import type { Finding, Severity } from "../core/findings";
import type { SpellModel } from "../core/spell/types";

/** What is at a path (symbolic links followed). `id` is the same for two names of one file (device and inode). */
export interface PathInfo {
  kind: "file" | "directory" | "other";
  size: number;
  id: string;
}

/** What the CLI needs from the outside world (injected so tests run in-process). */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Reads a file; at most `maxBytes` bytes when given (a file growing while read stays bounded). */
  readFile(path: string, maxBytes?: number): Uint8Array;
  /** Size in bytes, or undefined when the path does not exist; throws "EISDIR"-like for directories. */
  fileSize(path: string): number | undefined;
  isDirectory(path: string): boolean;
  /** Writes (creates or replaces) a file. Needed by `new` and `format`. */
  writeFile(path: string, bytes: Uint8Array): void;
  /** True when something (file or folder) exists at the path. Needed by `new` and `format`. */
  exists(path: string): boolean;
  /** What is at the path (following links), or undefined when nothing is. */
  stat(path: string): PathInfo | undefined;
  /** The absolute path with links, "." and ".." resolved, or undefined when nothing is there. */
  realpath(path: string): string | undefined;
  /** Moves a file into place, replacing what is there (atomic within a folder). */
  rename(from: string, to: string): void;
  /** Removes a file; no error when it is already gone. */
  remove(path: string): void;
  version: string;
  /** The spelling model (issue #10), loaded once when a check runs; undefined when it is not installed. */
  loadSpellModel?(): SpellModel | undefined;
}

export class UsageError extends Error {}

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

const HELP = `笔杆子 biganzi —— 讲话稿、公文送审前检查

用法：
  biganzi check <文件…> [选项]     检查 .docx / .txt 文稿
  biganzi rules [--json]          列出全部检查规则
  biganzi suggest "<标题>" [选项]  按标题推荐提示语（标题、套话、排比、过渡）
  biganzi new --template <模板> -o <文稿.docx> [选项]
                                  按模板生成提纲（讲话稿、通知、请示等）
  biganzi new --list              列出全部提纲模板
  biganzi format <文件.docx> -o <新文件.docx> [选项]
  biganzi format <文件…> -o <文件夹> [选项]
                                  一键排版：按层级设置字体、字号、缩进、行距和页边距，不改文字；
                                  多个文件时逐个写入文件夹（同名），不会覆盖原稿
  biganzi fix <文件.docx> -o <新文件.docx> [选项]
                                  自动修复：检查后把所有可自动修复的问题（文字、字体字号、段落格式、
                                  页面设置）改好，写入新文件，逐处列出改了什么；原稿不动
                                  （.txt 输入写出 UTF-8 的 .txt，只改文字）
  biganzi --help | --version

check 的选项：
  --format text|json    输出格式（默认 text）
  --profile speech|gongwen
                        规则集：speech 讲话稿（默认），gongwen 公文（GB/T 9704-2012）
  --config <文件.json>  本单位的配置：调整字体、字号、“1.”或“1．”、关闭规则等
  --quiet               只输出错误级别的问题

suggest 的选项：
  --level N             标题的层级：1 一、 2 （一） 3 1.（默认按标题的序号判断）
  --limit N             推荐条数（默认 10，最多 50）
  --json                以 JSON 输出：[{text, kind, themes, score}]

new 的选项：
  --sections N          一级标题（一、）的个数，2 到 6（默认按模板）
  --subsections M       每部分的二级条目数，0 到 5（默认按模板）
  --second heading|yishi|diyi
                        二级层次：heading（一）小标题，yishi 一是、二是，diyi 第一，第二，
  --force               输出文件已存在时覆盖

format 的选项：
  --profile speech|gongwen、--config <文件.json>  同 check；--force 覆盖已存在的输出文件（不会覆盖输入文件）

fix 的选项：
  --profile speech|gongwen、--config <文件.json>  同 check
  --dry-run             只列出将要修改的地方，不写文件（此时可不给 -o）
  --force               覆盖已存在的输出文件（不会覆盖输入文件）
  .docx 的文字和格式修复都会写入；.txt 没有格式，只改文字。

退出码：0 没有错误；1 发现错误级别的问题；2 用法或文件有误。
`;

interface CheckArgs {
  files: string[];
  format: "text" | "json";
  profile?: string;
  config?: string;
  quiet: boolean;
}

/** Reads a command's arguments: flags, and a flag's value after it or after "=". */
function optionReader(args: string[]) {
  let i = 0;
  return {
    next(): string | undefined {
      return i < args.length ? args[i++] : undefined;
    },
    /** Everything after "--": plain arguments even when they start with "-". */
    rest(): string[] {
      const r = args.slice(i);
      i = args.length;
      return r;
    },
    value(a: string, name: string): string {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      const v = args[i++];
      if (v === undefined || (v.startsWith("-") && v.length > 1)) throw new UsageError(`选项 ${name} 需要一个值。`);
      return v;
    },
  };
}

const flagIs = (a: string, ...names: string[]) => names.some((n) => a === n || a.startsWith(n + "="));

function intOption(name: string, v: string, lo: number, hi: number): number {
  if (!/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi) throw new UsageError(`${name} 只能是 ${lo} 到 ${hi} 的整数，收到「${v}」。`);
  return Number(v);
}

/** The value of --profile: the id of a built-in profile (own keys only), or a usage error. */
function profileValue(v: string): string {
  if (!isProfileId(v)) throw new UsageError(`没有名为「${v}」的规则集，可选：${Object.keys(PROFILES).join("、")}。`);
  return v;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const out: CheckArgs = { files: [], format: "text", quiet: false };
  const r = optionReader(args);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (flagIs(a, "--format")) {
      const v = r.value(a, "--format");
      if (v !== "text" && v !== "json") throw new UsageError(`--format 只能是 text 或 json，收到「${v}」。`);
      out.format = v;
    } else if (flagIs(a, "--profile")) {
      out.profile = profileValue(r.value(a, "--profile"));
    } else if (flagIs(a, "--config")) {
      out.config = r.value(a, "--config");
    } else if (a === "--quiet" || a === "-q") {
      out.quiet = true;
    } else if (a === "--") {
      out.files.push(...r.rest());
    } else if (a.startsWith("-") && a !== "-") {
      throw new UsageError(`未知选项「${a}」。运行 biganzi --help 查看用法。`);
    } else {
      out.files.push(a);
    }
  }
  if (out.files.length === 0) throw new UsageError("请给出要检查的文件，例如：biganzi check 讲话稿.docx");
  return out;
}

function loadConfig(io: CliIO, path: string): UnitConfig {
  const info = io.stat(path);
  if (info === undefined) throw new UsageError(`找不到配置文件：${path}`);
  if (info.kind !== "file") throw new UsageError(`配置文件「${path}」不是普通文件，请给出 .json 文件。`);
  if (info.size > 1024 * 1024) throw new UsageError(`配置文件过大：${path}`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8").decode(io.readFile(path, 1024 * 1024 + 1)).replace(/^\ufeff/, ""));
  } catch {
    throw new UsageError(`配置文件不是有效的 JSON：${path}`);
  }
  try {
    return validateConfig(raw, ALL_RULES);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`${path}：${e.message}`);
    throw e;
  }
}

/** Reads one input file into the model; throws ReaderError / UsageError with a Chinese message. */
export function loadDocument(io: CliIO, path: string): DocModel {
  return readDocument(readInput(io, path), path);
}

/**
 * The bytes of an input file, refused by type (folders, devices, pipes) and by size before
 * anything is read; the read itself is capped too, in case the file grows meanwhile.
 */
function readInput(io: CliIO, path: string): Uint8Array {
  const info = io.stat(path);
  if (info === undefined) throw new UsageError(`找不到文件：${path}`);
  if (info.kind === "directory") throw new UsageError(`「${path}」是文件夹，请给出文件。`);
  if (info.kind !== "file") throw new UsageError(`「${path}」不是普通文件（设备、管道等），无法读取，请给出 .docx 或 .txt 文件。`);
  if (info.size > MAX_INPUT_BYTES) throw tooLarge(info.size);
  return io.readFile(path, MAX_INPUT_BYTES + 1);
}

export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set (with no findings) when the file could not be read or checked. */
  error?: string;
}

function formatText(results: FileResult[], docs: Map<string, DocModel>): string {
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { file, findings } of results) {
    lines.push(file);
    if (findings.length === 0) {
      lines.push("  未发现问题。");
      continue;
    }
    const doc = docs.get(file);
    // One line per paragraph, rule and message; repeats of the same fault are folded into one line.
    const groups: Array<{ first: Finding; positions: string[] }> = [];
    const byKey = new Map<string, { first: Finding; positions: string[] }>();
    for (const f of findings) {
      totals[f.severity]++;
      const key = `${f.paragraph}|${f.rule}|${f.severity}|${f.message}`;
      const pos = f.end - f.start <= 1 ? `${f.start + 1}` : `${f.start + 1}–${f.end}`;
      const g = byKey.get(key);
      if (g) g.positions.push(pos);
      else {
        const ng = { first: f, positions: [pos] };
        byKey.set(key, ng);
        groups.push(ng);
      }
    }
    let last = -1;
    for (const { first: f, positions } of groups) {
      if (f.paragraph !== last) {
        last = f.paragraph;
        const p = doc?.paragraphs[f.paragraph];
        const head = p ? (p.listLabel ?? "") + p.text.trim() : "";
        const shown = head.length > 30 ? head.slice(0, 29) + "…" : head;
        lines.push(`  第 ${f.paragraph + 1} 段「${shown}」`);
      }
      const fixable = f.fix ? "  [可修复]" : "";
      const where =
        positions.length === 1
          ? `第 ${positions[0]} 字`
          : `${positions.length} 处，第 ${positions.slice(0, 6).join("、")}${positions.length > 6 ? "…" : ""} 字`;
      lines.push(`    ${SEVERITY_ZH[f.severity]}  ${where}  ${f.message}  (${f.rule})${fixable}`);
    }
  }
  const n = totals.error + totals.warning + totals.info;
  lines.push("");
  lines.push(
    n === 0
      ? `检查了 ${results.length} 个文件，未发现问题。`
      : `检查了 ${results.length} 个文件，共 ${n} 处：错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.info}。`,
  );
  return lines.join("\n") + "\n";
}

function runCheck(io: CliIO, args: string[]): number {
  const opts = parseCheckArgs(args);
  const cfg = opts.config ? loadConfig(io, opts.config) : undefined;
  let profile: Profile;
  try {
    profile = resolveProfile(opts.profile, cfg);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const results: FileResult[] = [];
  /** Every file in the order given, failed ones included (for JSON). */
  const all: FileResult[] = [];
  let failed = 0;
  const docs = new Map<string, DocModel>();
  // loaded before the first file is checked, never at start (null: not tried yet)
  let spellModel: SpellModel | undefined | null = null;
  for (const file of opts.files) {
    // Whatever goes wrong with one file is reported on its own line; the others are still checked.
    try {
      const doc = loadDocument(io, file);
      if (spellModel === null) spellModel = io.loadSpellModel?.();
      let findings = check(doc, { profile, spellModel });
      if (opts.quiet) findings = findings.filter((f) => f.severity === "error");
      docs.set(file, doc);
      results.push({ file, findings });
      all.push({ file, findings });
    } catch (e) {
      const message =
        e instanceof ReaderError || e instanceof UsageError ? e.message : `内部错误：${errorText(e)}。请把这句话连同文件类型告诉维护者。`;
      io.stderr(`${file}：${message}\n`);
      all.push({ file, findings: [], error: message });
      failed++;
    }
  }
  const inputError = failed > 0;
  if (opts.format === "json") {
    io.stdout(JSON.stringify(all, null, 2) + "\n");
  } else if (results.length > 0) {
    io.stdout(formatText(results, docs));
  }
  if (inputError) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** The rule table of the README (kept current by scripts/readme-rules.js; a test compares). */
export function rulesMarkdown(): string {
  const speech = resolveProfile("speech");
  const gongwen = resolveProfile("gongwen");
  const zh = (s: Severity | "off") => (s === "off" ? "关闭" : SEVERITY_ZH[s]);
  const rows = ALL_RULES.map(
    (r) =>
      `| \`${r.id}\` | \`${r.category}\` | ${r.title}：${r.description} | ${r.source} | ${zh(speech.rules[r.id] ?? r.severity)} / ${zh(gongwen.rules[r.id] ?? r.severity)} | ${r.fixable ? "是" : ""} |`,
  );
  return ["| 规则 | 类别 | 检查什么 | 依据 | 默认级别（讲话稿 / 公文） | 可修复 |", "|---|---|---|---|---|---|", ...rows].join("\n") + "\n";
}

function runRules(io: CliIO, args: string[]): number {
  const json = args.includes("--json");
  const markdown = args.includes("--markdown");
  const speech = resolveProfile("speech");
  if (json) {
    io.stdout(
      JSON.stringify(
        ALL_RULES.map((r) => ({
          id: r.id,
          category: r.category,
          severity: r.severity,
          title: r.title,
          description: r.description,
          source: r.source,
          fixable: !!r.fixable,
          needsFormatting: !!r.needsFormatting,
          messages: r.messages ?? {},
          options: r.options ?? {},
        })),
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  if (markdown) {
    io.stdout(rulesMarkdown());
    return 0;
  }
  const active = new Set(activeRules(speech).map((a) => a.rule.id));
  for (const r of ALL_RULES) {
    io.stdout(`${r.id}  [${r.category}]  ${r.title}${active.has(r.id) ? "" : "（讲话稿规则集默认关闭）"}\n    ${r.description}（依据：${r.source}）\n`);
  }
  return 0;
}

interface SuggestArgs {
  heading: string;
  level?: number;
  limit: number;
  json: boolean;
}

function parseSuggestArgs(args: string[]): SuggestArgs {
  const headings: string[] = [];
  const out: SuggestArgs = { heading: "", limit: 10, json: false };
  const r = optionReader(args);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (flagIs(a, "--level")) out.level = intOption("--level", r.value(a, "--level"), 1, 5);
    else if (flagIs(a, "--limit")) out.limit = intOption("--limit", r.value(a, "--limit"), 1, 50);
    else if (a === "--json") out.json = true;
    else if (a === "--") headings.push(...r.rest());
    else if (/^--?[A-Za-z]/.test(a)) throw new UsageError(`未知选项「${a}」。运行 biganzi --help 查看用法。`);
    else headings.push(a);
  }
  if (headings.length === 0) throw new UsageError("请给出标题，例如：biganzi suggest \"二、进一步转变作风\"");
  if (headings.length > 1) throw new UsageError("只能给出一个标题；标题含空格时请加引号。");
  out.heading = headings[0];
  return out;
}

let phraseIndex: PhraseIndex | undefined;

const LEVEL_ZH = ["", "一级", "二级", "三级"];

function runSuggest(io: CliIO, args: string[]): number {
  const opts = parseSuggestArgs(args);
  phraseIndex ??= buildIndex(loadLibrary());
  const hits = suggest(phraseIndex, { heading: opts.heading, level: opts.level }, opts.limit);
  if (opts.json) {
    const rows = hits.map((h) => ({ text: h.entry.text, kind: h.entry.kind, themes: h.entry.themes, score: h.score }));
    io.stdout(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  if (hits.length === 0) {
    io.stdout("没有可推荐的提示语。\n");
    return 0;
  }
  const lines = hits.map((h, i) => {
    const e = h.entry;
    const kind = e.kind === "标题" && e.level ? `${e.kind}·${LEVEL_ZH[e.level]}` : e.kind;
    return `${String(i + 1).padStart(2)}. ${e.text}  〔${kind}｜${e.themes.join("、")}〕`;
  });
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

function profileFor(io: CliIO, base: string | undefined, configPath: string | undefined): Profile {
  const cfg = configPath ? loadConfig(io, configPath) : undefined;
  try {
    return resolveProfile(base, cfg);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The folder part of a path ("" for a bare file name). */
function dirOf(p: string): string {
  const k = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  if (k < 0) return "";
  return k === 0 ? p.slice(0, 1) : p.slice(0, k);
}

function baseOf(p: string): string {
  return p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1);
}

function joinPath(dir: string, name: string): string {
  if (dir === "") return name;
  return /[\\/]$/.test(dir) ? dir + name : dir + "/" + name;
}

/**
 * Refuses an output that is the input under another name: the same text once normalised, the
 * same real path (symbolic links, "..", absolute or relative), or the same file (a hard link:
 * same device and inode). No option overrides this.
 */
function refuseInputAsOutput(io: CliIO, input: string, out: string): void {
  const same = () => new UsageError("输出文件不能与输入文件相同：不会覆盖原稿，请用 -o 另取一个文件名。");
  if (normalizePath(out).toLowerCase() === normalizePath(input).toLowerCase()) throw same();
  const inInfo = io.stat(input);
  const inReal = io.realpath(input);
  if (inInfo === undefined || inReal === undefined) return; // reading the input reports it
  const outInfo = io.stat(out);
  if (outInfo !== undefined) {
    if (outInfo.id === inInfo.id || io.realpath(out) === inReal) throw same();
    return;
  }
  // Not there yet: where it would be created.
  const dirReal = io.realpath(dirOf(out) || ".");
  if (dirReal !== undefined && joinPath(dirReal, baseOf(out)) === inReal) throw same();
}

/** One Chinese line for a failed write: which folder, and what to do. */
function writeFailure(e: unknown, target: string): UsageError {
  const code = (e as { code?: unknown })?.code;
  const dir = dirOf(target) || ".";
  if (code === "ENOENT" || code === "ENOTDIR") return new UsageError(`输出文件夹不存在：${dir}。请先建立这个文件夹，或换一个输出位置。`);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new UsageError(`没有权限写入 ${target}（文件夹 ${dir} 不可写或文件只读）。请换一个输出位置。`);
  }
  if (code === "ENOSPC" || code === "EDQUOT") return new UsageError(`磁盘空间不足，未能写入 ${target}；原有文件未改动。`);
  return new UsageError(`未能写入 ${target}（${typeof code === "string" ? code : errorText(e)}）；原有文件未改动。`);
}

let tempCounter = 0;

/**
 * Writes the output through a temporary file in the same folder, renamed into place: a write that
 * fails (disk full, permissions, a crash) leaves any previous file untouched. The rename replaces a
 * symbolic link at the target, never the file it points to.
 */
export function writeOutput(io: CliIO, target: string, bytes: Uint8Array): void {
  const dir = dirOf(target);
  const info = io.stat(dir || ".");
  if (info === undefined) throw new UsageError(`输出文件夹不存在：${dir}。请先建立这个文件夹，或换一个输出位置。`);
  if (info.kind !== "directory") throw new UsageError(`「${dir}」不是文件夹，无法在其中写入 ${baseOf(target)}。`);
  const tmp = joinPath(dir, `.${baseOf(target)}.${Date.now().toString(36)}${(tempCounter++).toString(36)}.biganzi-tmp`);
  try {
    io.writeFile(tmp, bytes);
    io.rename(tmp, target);
  } catch (e) {
    try {
      io.remove(tmp);
    } catch {
      /* nothing more to do: the message below says the write failed */
    }
    throw writeFailure(e, target);
  }
}

function checkOutput(io: CliIO, out: string | undefined, force: boolean, example: string, ext = ".docx"): string {
  if (out === undefined) throw new UsageError(`请用 -o 指定输出文件，例如：${example}`);
  if (!out.toLowerCase().endsWith(ext)) throw new UsageError(`输出文件应以 ${ext} 结尾：${out}`);
  const info = io.stat(out);
  if (info?.kind === "directory") throw new UsageError(`「${out}」是文件夹，请给出文件名。`);
  if (info !== undefined && info.kind !== "file") throw new UsageError(`「${out}」不是普通文件（设备、管道等），请另取一个输出文件名。`);
  if ((info !== undefined || io.exists(out)) && !force) throw new UsageError(`文件已存在：${out}。如要覆盖，请加 --force。`);
  return out;
}

function runNew(io: CliIO, args: string[]): number {
  const r = optionReader(args);
  let name: string | undefined;
  let out: string | undefined;
  let force = false;
  let list = false;
  let profile: string | undefined;
  let config: string | undefined;
  const o: Partial<SkeletonOptions> = {};
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (flagIs(a, "--template", "-t")) name = r.value(a, "--template");
    else if (flagIs(a, "--sections")) o.sections = intOption("--sections", r.value(a, "--sections"), 2, 6);
    else if (flagIs(a, "--subsections")) o.subsections = intOption("--subsections", r.value(a, "--subsections"), 0, 5);
    else if (flagIs(a, "--second")) {
      const v = r.value(a, "--second");
      if (!SECOND_LEVEL_FORMS.includes(v as SecondLevelForm)) throw new UsageError(`--second 只能是 heading、yishi 或 diyi，收到「${v}」。`);
      o.secondLevel = v as SecondLevelForm;
    } else if (flagIs(a, "--output", "-o")) out = r.value(a, "-o");
    else if (flagIs(a, "--profile")) profile = profileValue(r.value(a, "--profile"));
    else if (flagIs(a, "--config")) config = r.value(a, "--config");
    else if (a === "--force" || a === "-f") force = true;
    else if (a === "--list" || a === "-l") list = true;
    else if (a.startsWith("-")) throw new UsageError(`未知选项「${a}」。运行 biganzi --help 查看用法。`);
    else throw new UsageError(`多余的参数「${a}」。模板名请用 --template 给出。`);
  }
  if (list) {
    const width = Math.max(...TEMPLATES.map((t) => t.name.length));
    for (const t of TEMPLATES) {
      const kind = t.profile === "gongwen" ? "公文" : "讲话稿";
      io.stdout(`${t.name}${"\u3000".repeat(width - t.name.length)}  [${kind}]  ${t.description}\n`);
    }
    return 0;
  }
  const names = TEMPLATES.map((t) => t.name).join("、");
  if (name === undefined) throw new UsageError(`请用 --template 选择模板：${names}。`);
  const template = templateByName(name);
  if (!template) throw new UsageError(`没有名为「${name}」的模板，可选：${names}。`);
  const target = checkOutput(io, out, force, `biganzi new --template ${template.name} -o 提纲.docx`);
  const options: SkeletonOptions = { ...template.defaults, ...o };
  let paras;
  try {
    paras = template.build(options);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message + "。");
    throw e;
  }
  const spec = profileFor(io, profile ?? template.profile, config).format;
  writeOutput(io, target, writeDocx(paras, spec));
  io.stdout(`已生成 ${target}（${template.name}，${options.sections} 个部分）。请把〔〕中的内容换成实际内容。\n`);
  return 0;
}

/** A path written the same way: separators unified, "." and ".." resolved. */
function normalizePath(p: string): string {
  const abs = p.startsWith("/") || p.startsWith("\\");
  const out: string[] = [];
  for (const seg of p.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return (abs ? "/" : "") + out.join("/");
}

/** Formats one file into `target`; returns the line that says what was done. Throws UsageError/ReaderError. */
function formatOne(io: CliIO, input: string, target: string, spec: FormatSpec): string {
  refuseInputAsOutput(io, input, target);
  // The same checks as `check` (exists, a regular file, size, the reader's limits); then only a .docx will do.
  const bytes = readInput(io, input);
  const doc = readDocument(bytes, input);
  let result;
  try {
    result = formatDocx(bytes, spec, doc);
  } catch (e) {
    if (e instanceof FormatError) throw new UsageError(`${input}：${e.message}`);
    if (e instanceof ReaderError) throw new ReaderError(e.code, `${input}：${e.message}`);
    throw e;
  }
  // Checked again just before writing: the output may have been made a link to the input meanwhile.
  refuseInputAsOutput(io, input, target);
  writeOutput(io, target, result.bytes);
  const pages = result.pageNumbers === "added" ? "已加页码。" : result.pageNumbers === "kept" ? "页脚原有内容未动，未另加页码。" : "";
  return `已排版：${input} → ${target}，调整了 ${result.changed} 段。${pages}文字未作改动。\n`;
}

/** Above this many files, `format` says on stderr which file it is working on. */
const FORMAT_PROGRESS_FROM = 5;

function runFormat(io: CliIO, args: string[]): number {
  const r = optionReader(args);
  const inputs: string[] = [];
  let out: string | undefined;
  let force = false;
  let profile: string | undefined;
  let config: string | undefined;
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (flagIs(a, "--output", "-o")) out = r.value(a, "-o");
    else if (flagIs(a, "--profile")) profile = profileValue(r.value(a, "--profile"));
    else if (flagIs(a, "--config")) config = r.value(a, "--config");
    else if (a === "--force" || a === "-f") force = true;
    else if (a.startsWith("-")) throw new UsageError(`未知选项「${a}」。运行 biganzi --help 查看用法。`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError("请给出要排版的 .docx 文件，例如：biganzi format 讲话稿.docx -o 讲话稿-排版.docx");
  const outInfo = out === undefined ? undefined : io.stat(out);
  const toFolder = out !== undefined && (inputs.length > 1 || outInfo?.kind === "directory" || /[\\/]$/.test(out));
  if (!toFolder) {
    const input = inputs[0];
    if (out !== undefined) refuseInputAsOutput(io, input, out);
    const target = checkOutput(io, out, force, `biganzi format ${input} -o 排版后.docx`);
    const spec = profileFor(io, profile, config).format;
    io.stdout(formatOne(io, input, target, spec));
    return 0;
  }
  // Many files into one folder: one output per input under the input's own name; a file that
  // fails is reported on its own line and the others are still formatted.
  const dir = out!;
  if (outInfo === undefined && /\.docx$/i.test(dir)) throw new UsageError(`排版多个文件时，-o 应是一个文件夹（例如 -o 排版后），不是 ${dir}。`);
  if (outInfo === undefined) throw new UsageError(`输出文件夹不存在：${dir}。请先建立这个文件夹，或换一个输出位置。`);
  if (outInfo.kind !== "directory") throw new UsageError(`排版多个文件时，-o 应是一个文件夹：「${dir}」不是文件夹。`);
  const spec = profileFor(io, profile, config).format;
  const taken = new Map<string, string>();
  let failed = 0;
  inputs.forEach((input, k) => {
    if (inputs.length >= FORMAT_PROGRESS_FROM) io.stderr(`排版进度 ${k + 1}/${inputs.length}：${input}\n`);
    try {
      const name = baseOf(input);
      if (!/\.docx$/i.test(name)) throw new UsageError(`${input}：只能排版 .docx 文件。`);
      const key = name.toLowerCase();
      const first = taken.get(key);
      if (first !== undefined) throw new UsageError(`${input}：与 ${first} 同名，输出文件夹里只能有一个 ${name}；请分两次排版或改名。`);
      taken.set(key, input);
      const target = joinPath(dir, name);
      const info = io.stat(target);
      if (info !== undefined && info.kind !== "file") throw new UsageError(`「${target}」不是普通文件，无法写入。`);
      if (info !== undefined && !force) {
        // The folder holding the inputs themselves: say that, not just "exists".
        refuseInputAsOutput(io, input, target);
        throw new UsageError(`文件已存在：${target}。如要覆盖，请加 --force。`);
      }
      io.stdout(formatOne(io, input, target, spec));
    } catch (e) {
      failed++;
      if (e instanceof UsageError || e instanceof ReaderError) io.stderr(e.message.startsWith(input) ? `${e.message}\n` : `${input}：${e.message}\n`);
      else io.stderr(`${input}：内部错误：${errorText(e)}。请把这句话连同文件类型告诉维护者。\n`);
    }
  });
  io.stdout(`共 ${inputs.length} 个文件：排版完成 ${inputs.length - failed} 个${failed ? `，失败 ${failed} 个（见上方说明）` : ""}。\n`);
  return failed ? 2 : 0;
}

// ---------------------------------------------------------------------------
// fix

/** Characters a clerk cannot see or tell apart, named in the change list. */
const SHOWN_NAMES: Record<string, string> = {
  " ": "空格",
  "\u3000": "全角空格",
  "\u00a0": "不间断空格",
  "\t": "制表符",
  "\n": "换行",
  "\u200b": "零宽空格",
  "\u200c": "零宽非连接符",
  "\u200d": "零宽连接符",
  "\u2060": "零宽不换行空格",
  "\ufeff": "零宽不换行空格",
};

/** A changed string as the change list shows it: a run of one invisible character named (「2 个空格」), else quoted with ␣ for invisibles, long ones cut. */
function shown(s: string): string {
  if (s === "") return "（删除）";
  const name = SHOWN_NAMES[s[0]];
  if (name !== undefined && s.length <= 4 && [...s].every((ch) => ch === s[0])) return s.length === 1 ? `〔${name}〕` : `〔${s.length} 个${name}〕`;
  const cut = s.length > 20 ? s.slice(0, 19) + "…" : s;
  let out = "";
  for (const ch of cut) out += SHOWN_NAMES[ch] !== undefined ? "␣" : ch;
  return `“${out}”`;
}

const SKIP_ZH: Record<SkipReason, string> = {
  format: "含暂不能写入的格式",
  protected: "位于域、自动编号或替代内容中",
  overlap: "与另一处修复重叠（修复后再运行一次即可）",
  unmapped: "无法在文档中准确定位",
};

/** The name of a finding's check (its rule's `messages` entry), else its fix's description. */
function checkName(f: Finding): string {
  const rule = ALL_RULES.find((r) => r.id === f.rule);
  const name = f.messageId !== undefined ? rule?.messages?.[f.messageId] : undefined;
  return name ?? f.fix?.description ?? rule?.title ?? f.rule;
}

/** One line per change, repeats of the same change in one paragraph folded (as `check` folds). */
function changeLines(doc: DocModel, findings: Finding[], outcomes: FixOutcome[]): string[] {
  const groups = new Map<string, { para: number; text: string; count: number }>();
  for (const o of outcomes) {
    if (!o.applied) continue;
    const f = findings[o.index];
    const edits = [...(f.fix?.text ?? [])].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
    for (const e of edits) {
      const before = doc.paragraphs[e.paragraph].text.slice(e.start, e.end);
      const text = `${shown(before)} → ${shown(e.text)}（${checkName(f)}）`;
      const key = `${e.paragraph}|${text}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { para: e.paragraph, text, count: 1 });
    }
  }
  const lines = [...groups.values()]
    .sort((a, b) => a.para - b.para)
    .map((g) => ({ para: g.para, line: `  第 ${g.para + 1} 段：${g.text}${g.count > 1 ? `，共 ${g.count} 处` : ""}` }));
  // Formatting: the same change folds over all the paragraphs it was made in (第 3、5–9 段).
  const formats = new Map<string, number[]>();
  for (const o of outcomes) {
    if (!o.applied) continue;
    const f = findings[o.index];
    for (const c of f.fix ? formatChanges(doc, f.fix) : []) {
      const key = `${c.text}（${checkName(f)}）`;
      const paras = formats.get(key) ?? [];
      if (paras.length === 0) formats.set(key, paras);
      paras.push(c.paragraph ?? -1);
    }
  }
  for (const [text, all] of formats) {
    const paras = [...new Set(all)].sort((x, y) => x - y);
    const page = paras[0] < 0;
    lines.push({ para: page ? -1 : paras[0], line: `  ${page ? "页面" : `第 ${paragraphList(paras)} 段`}：${text}` });
  }
  return lines.sort((a, b) => a.para - b.para).map((l) => l.line);
}

/** 「3、5–9、12」 for the paragraph indices given (0-based, ascending). */
function paragraphList(paras: number[]): string {
  const out: string[] = [];
  for (let k = 0; k < paras.length; ) {
    let j = k;
    while (j + 1 < paras.length && paras[j + 1] === paras[j] + 1) j++;
    out.push(j > k ? `${paras[k] + 1}–${paras[j] + 1}` : `${paras[k] + 1}`);
    k = j + 1;
  }
  return out.join("、");
}

/** The fixed text file: each line edited, line breaks and a BOM as they were, written as UTF-8. */
function fixText(bytes: Uint8Array, doc: DocModel, fixes: Fix[]): { bytes: Uint8Array; outcomes: FixOutcome[] } {
  const decoded = decodeText(bytes);
  // The reader drops a byte-order mark; a file that had one (UTF-8 or UTF-16) gets the UTF-8 one back.
  const hadBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const bom = hadBom ? "\ufeff" : "";
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const lines: string[] = [];
  const seps: string[] = [];
  const re = /\r\n|\r|\n|\u2029/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push(text.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  if (doc.paragraphs.some((p, i) => lines[i] !== p.text)) throw new UsageError("未能把文字与检查结果对应起来，未做修复。");
  const { outcomes, edits } = planFixes<never>(doc, fixes, () => []);
  const byLine = new Map<number, TextEdit[]>();
  for (const e of edits) {
    const list = byLine.get(e.paragraph) ?? [];
    if (list.length === 0) byLine.set(e.paragraph, list);
    list.push(e);
  }
  let out = bom;
  lines.forEach((line, i) => {
    const mine = byLine.get(i);
    out += (mine ? applyEditsToText(line, mine) : line) + (seps[i] ?? "");
  });
  return { bytes: new TextEncoder().encode(out), outcomes };
}

function runFix(io: CliIO, args: string[]): number {
  const r = optionReader(args);
  const inputs: string[] = [];
  let out: string | undefined;
  let force = false;
  let dryRun = false;
  let profileId: string | undefined;
  let config: string | undefined;
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (flagIs(a, "--output", "-o")) out = r.value(a, "-o");
    else if (flagIs(a, "--profile")) profileId = profileValue(r.value(a, "--profile"));
    else if (flagIs(a, "--config")) config = r.value(a, "--config");
    else if (a === "--force" || a === "-f") force = true;
    else if (a === "--dry-run" || a === "-n") dryRun = true;
    else if (a === "--") inputs.push(...r.rest());
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`未知选项「${a}」。运行 biganzi --help 查看用法。`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError("请给出要修复的文件，例如：biganzi fix 讲话稿.docx -o 讲话稿-修复.docx");
  if (inputs.length > 1) throw new UsageError("fix 一次只修复一个文件；多个文件请逐个运行。");
  const input = inputs[0];
  const isText = /\.txt$/i.test(input);
  const ext = isText ? ".txt" : ".docx";
  const example = `biganzi fix ${input} -o ${isText ? "修复后.txt" : "修复后.docx"}`;
  if (out !== undefined || !dryRun) {
    if (out !== undefined) refuseInputAsOutput(io, input, out);
    if (out === undefined) throw new UsageError(`请用 -o 指定输出文件，例如：${example}`);
    // The output keeps the input's kind: a .txt is never written under a .docx name or the reverse.
    if (!out.toLowerCase().endsWith(ext)) throw new UsageError(`输出文件应以 ${ext} 结尾（与输入相同）：${out}`);
    checkOutput(io, out, force, example, ext);
  }
  const profile = profileFor(io, profileId, config);
  const bytes = readInput(io, input);
  const doc = readDocument(bytes, input);
  if (doc.source !== "docx" && doc.source !== "text") throw new UsageError(`${input}：只能修复 .docx 或 .txt 文件。`);
  // Named .txt but a Word file inside (or the reverse): the output would get the wrong kind.
  if ((doc.source === "text") !== isText) throw new UsageError(`${input}：文件内容是 ${doc.source === "text" ? "纯文本" : "Word 文档"}，与扩展名不符，请改正扩展名后再修复。`);
  const findings = check(doc, { profile, spellModel: io.loadSpellModel?.() }).filter((f) => f.fix);
  const fixes = findings.map((f) => f.fix!);
  let result: { bytes: Uint8Array; outcomes: FixOutcome[] };
  try {
    result = isText ? fixText(bytes, doc, fixes) : fixDocx(bytes, doc, fixes);
  } catch (e) {
    if (e instanceof FixError) throw new UsageError(`${input}：${e.message}`);
    if (e instanceof ReaderError) throw new ReaderError(e.code, `${input}：${e.message}`);
    throw e;
  }
  const applied = result.outcomes.filter((o) => o.applied).length;
  const skipped = new Map<SkipReason, number>();
  for (const o of result.outcomes) if (!o.applied && o.reason) skipped.set(o.reason, (skipped.get(o.reason) ?? 0) + 1);
  const lines = [input, ...changeLines(doc, findings, result.outcomes)];
  if (findings.length === 0) lines.push("  没有可自动修复的问题。");
  const skippedN = findings.length - applied;
  // Formatting skipped: in plain text there is none to set (said once); in a .docx, the kinds not written.
  const kinds = [...new Set(result.outcomes.flatMap((o) => o.kinds ?? []))];
  const formatWhy = isText ? "格式修复（纯文本没有字体和段落格式，只改文字）" : `${SKIP_ZH.format}${kinds.length ? `（${kinds.join("、")}）` : ""}`;
  const why = [...skipped].map(([k, n]) => `${k === "format" ? formatWhy : SKIP_ZH[k]} ${n} 处`).join("；");
  lines.push("", `修复 ${applied} 处，跳过 ${skippedN} 处${skippedN ? `（${why}）` : ""}。`);
  if (dryRun) {
    lines.push("（试运行：未写入任何文件。）");
    io.stdout(lines.join("\n") + "\n");
    return 0;
  }
  // Checked again just before writing: the output may have been made a link to the input meanwhile.
  refuseInputAsOutput(io, input, out!);
  writeOutput(io, out!, result.bytes);
  lines.push(`已写入 ${out}${isText ? "（UTF-8 编码）" : ""}。原稿未改动。`);
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs the CLI; returns the exit code. Never throws for user errors. */
export function main(argv: string[], io: CliIO): number {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined || cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.stdout(HELP);
      return cmd === undefined ? 2 : 0;
    }
    if (cmd === "--version" || cmd === "-v") {
      io.stdout(io.version + "\n");
      return 0;
    }
    if (cmd === "check") return runCheck(io, rest);
    if (cmd === "rules") return runRules(io, rest);
    if (cmd === "suggest") return runSuggest(io, rest);
    if (cmd === "new") return runNew(io, rest);
    if (cmd === "format") return runFormat(io, rest);
    if (cmd === "fix") return runFix(io, rest);
    throw new UsageError(`未知命令「${cmd}」。运行 biganzi --help 查看用法。`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ReaderError) {
      io.stderr(e.message + "\n");
      return 2;
    }
    io.stderr(`内部错误：${errorText(e)}。请把这句话连同文件类型告诉维护者。\n`);
    return 2;
  }
}
