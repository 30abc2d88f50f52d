/**
 * The check as a job that reports progress and can stop between rules: the code shared by the
 * check worker (check.worker.ts) and the main-thread fallback (checkRunner.ts). No React, no DOM:
 * it runs inside a Web Worker. The spelling model is loaded here only when a check that runs a
 * typo rule needs it, and kept by the SpellModelSource of the worker (or page) that loaded it; the
 * decoder itself is not imported here (it lives in spellAsset.ts, in the worker's chunk or a lazy
 * chunk), so the check tab's code does not grow by it.
 */
import { activeRules, check } from "../core/engine";
import type { DocModel } from "../core/model";
import type { Profile } from "../core/profiles";
import { ALL_RULES } from "../core/rules";
import type { Finding, Severity } from "../core/findings";
import type { Rule } from "../core/rules";
import type { SpellModel } from "../core/spell/types";

/** Called with the number of rules finished and the number that will run. */
export type ProgressFn = (done: number, total: number) => void;

/** Main thread → worker. The doc and profile are plain data (structured clone). */
export interface CheckRequest {
  type: "check";
  id: number;
  doc: DocModel;
  profile: Profile;
}

/**
 * What became of the spelling model in one check: "loading" while it is fetched and decoded (only
 * the first check of a worker or page), then "loaded" or "failed" (the check runs without it).
 * Nothing is said when no rule of the check needs it.
 */
export type SpellStatus = "loading" | "loaded" | "failed";

/** Worker → main thread. */
export type CheckReply =
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "model"; id: number; status: SpellStatus }
  | { type: "done"; id: number; findings: Finding[] }
  | { type: "error"; id: number; message: string };

/** Thrown by a run that was cancelled. */
export class CheckCancelled extends Error {
  constructor() {
    super("已取消检查。");
    this.name = "CheckCancelled";
  }
}

/** The rules the engine will actually run on this document under this profile, in its order. */
export function rulesToRun(doc: DocModel, profile: Profile, rules: Rule[] = ALL_RULES): Rule[] {
  return activeRules(profile, rules)
    .map((a) => a.rule)
    .filter((r) => !r.needsFormatting || doc.hasFormatting);
}

/**
 * Whether a check running these rules wants the spelling model: any rule of category typo may read
 * ctx.spellModel (the statistical check needs it; the curated list works without it), and no other
 * category does, so a check without typo rules never fetches the model.
 */
export function needsSpellModel(run: readonly Rule[]): boolean {
  return run.some((r) => r.category === "typo");
}

/** Fetches and decodes the model; rejects when it cannot (offline, missing, damaged). */
export type SpellModelLoader = () => Promise<SpellModel>;

/**
 * The spelling model of one worker (or of the page, for the main-thread fallback): loaded on the
 * first check that needs it, never before, decoded once and kept for every later check. A load
 * that failed is not remembered: the next check tries again (the file may be back, and the bytes
 * of a good load come from the browser's HTTP cache).
 */
export class SpellModelSource {
  private model: SpellModel | undefined;
  private pending: Promise<SpellModel | undefined> | undefined;

  constructor(private readonly load: SpellModelLoader) {}

  /** The model when it is already decoded (no waiting, no "loading" to show). */
  get ready(): SpellModel | undefined {
    return this.model;
  }

  /** The model, loading it if needed; undefined when it could not be loaded. Never rejects. */
  get(): Promise<SpellModel | undefined> {
    if (this.model) return Promise.resolve(this.model);
    this.pending ??= this.load().then(
      (m) => {
        this.model = m;
        this.pending = undefined;
        return m;
      },
      () => {
        this.pending = undefined;
        return undefined;
      },
    );
    return this.pending;
  }
}

/**
 * Reads the model from the response `request` gives (spellAsset.ts: the file from the add-in's own
 * origin) and decodes it; rejects when the file is missing, the request fails (offline) or the
 * bytes are not a model.
 */
export async function readSpellModel(request: () => Promise<Response>, decode: (bytes: Uint8Array) => SpellModel): Promise<SpellModel> {
  const res = await request();
  if (!res.ok) throw new Error(`错别字词库文件无法读取（HTTP ${res.status}）`);
  return decode(new Uint8Array(await res.arrayBuffer()));
}

/**
 * One engine call (the outline is built once) with progress after each rule: each rule is
 * wrapped so that finishing it, or throwing, counts. For the worker, where blocking is fine.
 */
export function checkWithProgress(
  doc: DocModel,
  profile: Profile,
  onProgress: ProgressFn,
  rules: Rule[] = ALL_RULES,
  spellModel?: SpellModel,
): Finding[] {
  const run = rulesToRun(doc, profile, rules);
  let done = 0;
  onProgress(0, run.length);
  const counted = run.map((rule): Rule => {
    // The original stays the prototype, so the rule keeps every field and its own `this`.
    const wrapped = Object.create(rule) as Rule;
    wrapped.check = (ctx) => {
      try {
        rule.check(ctx);
      } finally {
        onProgress(++done, run.length);
      }
    };
    return wrapped;
  });
  return check(doc, { profile, rules: counted, spellModel });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The engine's final order (paragraph, offset, severity, rule). Each rule's findings come back
 * in this order already, and a stable sort of their concatenation in rule order gives exactly
 * what one engine call over all the rules gives (test/taskpane/check.runner.test.ts holds both
 * to the same result).
 */
function byPlace(a: Finding, b: Finding): number {
  return (
    a.paragraph - b.paragraph ||
    a.start - b.start ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Lets the page paint and handle clicks (取消) before the next slice. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceOptions {
  onProgress: ProgressFn;
  signal?: AbortSignal;
  /** Between slices; default: a macrotask, so the page paints and takes clicks. */
  pause?: () => Promise<void>;
  /** The spelling model, when the caller loaded one. */
  spellModel?: SpellModel;
}

/**
 * The check on the main thread, one rule per slice, yielding to the page between slices and
 * stopping (CheckCancelled) as soon as the signal is aborted. Each slice is one engine call, so
 * a rule's exception is isolated exactly as in a full check. The price: the outline is built
 * once per rule, which is why the worker does not run this way.
 */
export async function checkInSlices(doc: DocModel, profile: Profile, rules: Rule[], opts: SliceOptions): Promise<Finding[]> {
  const pause = opts.pause ?? yieldToPage;
  const run = rulesToRun(doc, profile, rules);
  const all: Finding[] = [];
  opts.onProgress(0, run.length);
  for (let i = 0; i < run.length; i++) {
    await pause();
    if (opts.signal?.aborted) throw new CheckCancelled();
    // A loop, not push(...): one rule may report more findings than the stack holds arguments.
    for (const f of check(doc, { profile, rules: [run[i]], spellModel: opts.spellModel })) all.push(f);
    opts.onProgress(i + 1, run.length);
  }
  await pause();
  if (opts.signal?.aborted) throw new CheckCancelled();
  return all.sort(byPlace);
}

function runRequest(req: CheckRequest, post: (reply: CheckReply) => void, spellModel: SpellModel | undefined): void {
  const { id } = req;
  try {
    const findings = checkWithProgress(req.doc, req.profile, (done, total) => post({ type: "progress", id, done, total }), ALL_RULES, spellModel);
    post({ type: "done", id, findings });
  } catch (e) {
    post({ type: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The worker's side of the protocol: answers one request with progress, then done or error.
 * With a spelling model source (the real worker), a check that runs a typo rule first says
 * "model" loading (only while the model is fetched and decoded) and loaded or failed; it then
 * runs with the model or, when that failed, without it. Synchronous whenever nothing has to load.
 */
export function handleCheckRequest(req: CheckRequest, post: (reply: CheckReply) => void, spell?: SpellModelSource): void | Promise<void> {
  const { id } = req;
  let wanted = false;
  try {
    wanted = spell !== undefined && needsSpellModel(rulesToRun(req.doc, req.profile));
  } catch {
    // A request that does not even resolve its rules fails in runRequest, where it is reported.
  }
  if (!spell || !wanted) return runRequest(req, post, undefined);
  const ready = spell.ready;
  if (ready) {
    post({ type: "model", id, status: "loaded" });
    return runRequest(req, post, ready);
  }
  post({ type: "model", id, status: "loading" });
  return spell.get().then((model) => {
    post({ type: "model", id, status: model ? "loaded" : "failed" });
    runRequest(req, post, model);
  });
}
