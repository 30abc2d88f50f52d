/**
 * The check as a job that reports progress and can stop between rules: the code shared by the
 * check worker (check.worker.ts) and the main-thread fallback (checkRunner.ts). No React, no DOM:
 * it runs inside a Web Worker.
 */
import { activeRules, check } from "../core/engine";
import type { DocModel } from "../core/model";
import type { Profile } from "../core/profiles";
import { ALL_RULES } from "../core/rules";
import type { Finding, Rule, Severity } from "../core/rules/types";

/** Called with the number of rules finished and the number that will run. */
export type ProgressFn = (done: number, total: number) => void;

/** Main thread → worker. The doc and profile are plain data (structured clone). */
export interface CheckRequest {
  type: "check";
  id: number;
  doc: DocModel;
  profile: Profile;
}

/** Worker → main thread. */
export type CheckReply =
  | { type: "progress"; id: number; done: number; total: number }
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
 * One engine call (the outline is built once) with progress after each rule: each rule is
 * wrapped so that finishing it, or throwing, counts. For the worker, where blocking is fine.
 */
export function checkWithProgress(doc: DocModel, profile: Profile, onProgress: ProgressFn, rules: Rule[] = ALL_RULES): Finding[] {
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
  return check(doc, { profile, rules: counted });
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
    for (const f of check(doc, { profile, rules: [run[i]] })) all.push(f);
    opts.onProgress(i + 1, run.length);
  }
  await pause();
  if (opts.signal?.aborted) throw new CheckCancelled();
  return all.sort(byPlace);
}

/** The worker's side of the protocol: answers one request with progress, then done or error. */
export function handleCheckRequest(req: CheckRequest, post: (reply: CheckReply) => void): void {
  const { id } = req;
  try {
    const findings = checkWithProgress(req.doc, req.profile, (done, total) => post({ type: "progress", id, done, total }));
    post({ type: "done", id, findings });
  } catch (e) {
    post({ type: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
}
