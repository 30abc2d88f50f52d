/**
 * Runs the check without freezing the pane. The built-in rules go to a Web Worker (progress after
 * each rule; 取消 terminates it). Custom rules (objects with code, which cannot be sent to a
 * worker), a page without `Worker`, and a worker that cannot start (blocked, failed to load, a
 * document that does not clone) fall back to the main thread in slices of one rule, yielding to
 * the page between slices and stopping there when cancelled.
 *
 * The spelling model is loaded by whichever side runs the check, and only when the check runs a
 * typo rule: the worker fetches and keeps its own copy (check.worker.ts), the fallback one copy per
 * page (SpellModelSource over spellAsset.ts, imported lazily through checkWorker.ts). When it
 * cannot be loaded the check runs without it and the status "failed" tells the pane to say so.
 */
import type { DocModel } from "../core/model";
import type { Profile } from "../core/profiles";
import { ALL_RULES } from "../core/rules";
import type { Finding } from "../core/findings";
import type { Rule } from "../core/rules";
import type { SpellModel } from "../core/spell/types";
import {
  CheckCancelled,
  checkInSlices,
  needsSpellModel,
  rulesToRun,
  SpellModelSource,
  type CheckReply,
  type CheckRequest,
  type ProgressFn,
  type SpellStatus,
} from "./checkJob";

export { CheckCancelled, SpellModelSource, type SpellStatus } from "./checkJob";

/** What the runner needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<CheckReply>) => void) | null;
  onerror: ((e: Event) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike | Promise<WorkerLike>;

/** Said when the worker fails after it started: the engine already isolates a rule that throws. */
export const CHECK_FAILED = "检查中途出错，没有完成。请重试；如果反复出现，请关闭任务窗格后重新打开。";

/** The worker could not take the job: run it on the main thread instead. */
class WorkerUnavailable extends Error {}

/**
 * Keeps one idle worker for the next check (starting one parses the whole rule set), and
 * remembers a worker that cannot start at all so that later checks go straight to the fallback.
 */
export class CheckWorkers {
  private idle: WorkerLike | undefined;
  broken = false;

  constructor(private readonly factory: WorkerFactory | undefined) {}

  get usable(): boolean {
    return this.factory !== undefined && !this.broken;
  }

  async acquire(): Promise<WorkerLike> {
    const w = this.idle;
    this.idle = undefined;
    if (w) return w;
    if (!this.factory) throw new WorkerUnavailable();
    return this.factory();
  }

  release(w: WorkerLike): void {
    if (this.idle) w.terminate();
    else this.idle = w;
  }
}

let pageWorkers: CheckWorkers | undefined;

/** The page's workers: the real check worker where the page has `Worker`, else none. */
function defaultWorkers(): CheckWorkers {
  pageWorkers ??= new CheckWorkers(
    typeof Worker === "function" ? () => import(/* webpackChunkName: "check-worker-start" */ "./checkWorker").then((m) => m.createCheckWorker()) : undefined,
  );
  return pageWorkers;
}

let pageSpell: SpellModelSource | undefined;

/**
 * The page's spelling model for the main-thread fallback: fetched (same origin) the first time a
 * check needs it; none where the page lacks the Fetch API (then the check runs without it,
 * silently, as it runs without a Worker there).
 */
function defaultSpell(): SpellModelSource | undefined {
  if (typeof Response !== "function") return undefined;
  pageSpell ??= new SpellModelSource(() => import(/* webpackChunkName: "check-worker-start" */ "./checkWorker").then((m) => m.loadSpellModel()));
  return pageSpell;
}

export interface RunOptions {
  profile: Profile;
  /** Rules given as code (tests, unit configurations): always the main-thread fallback. */
  rules?: Rule[];
  onProgress: ProgressFn;
  signal: AbortSignal;
  /** Where workers come from; default: the page's check worker, when it has one. */
  workers?: CheckWorkers;
  /** Between main-thread slices (tests); default: a macrotask. */
  pause?: () => Promise<void>;
  /** The spelling model for main-thread checks; default: the page's (null: none). The worker keeps its own. */
  spell?: SpellModelSource | null;
  /** What became of the spelling model in this check (not called when no rule needs it). */
  onSpellModel?: (status: SpellStatus) => void;
}

let nextId = 1;

function runInWorker(doc: DocModel, opts: RunOptions, workers: CheckWorkers): Promise<Finding[]> {
  const { signal } = opts;
  const id = nextId++;
  return new Promise<Finding[]>((resolve, reject) => {
    let worker: WorkerLike | undefined;
    let started = false;
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (worker) worker.onmessage = worker.onerror = worker.onmessageerror = null;
      then();
    };
    const drop = (w: WorkerLike) => w.terminate();
    // A busy worker cannot be interrupted: ending it is the only way to stop at once.
    const onAbort = () => {
      if (worker) drop(worker);
      finish(() => reject(new CheckCancelled()));
    };
    const failed = (w: WorkerLike) => {
      drop(w);
      if (started) finish(() => reject(new Error(CHECK_FAILED)));
      else {
        // It never answered: it could not load (blocked, missing) — do not try again on this page.
        workers.broken = true;
        finish(() => reject(new WorkerUnavailable()));
      }
    };
    if (signal.aborted) {
      reject(new CheckCancelled());
      return;
    }
    signal.addEventListener("abort", onAbort);
    workers.acquire().then(
      (w) => {
        if (settled) {
          workers.release(w);
          return;
        }
        worker = w;
        w.onmessage = (e) => {
          const m = e.data;
          if (!m || m.id !== id) return;
          started = true;
          if (m.type === "progress") opts.onProgress(m.done, m.total);
          else if (m.type === "model") opts.onSpellModel?.(m.status);
          else if (m.type === "done") {
            const findings = m.findings;
            finish(() => {
              workers.release(w);
              resolve(findings);
            });
          } else {
            finish(() => {
              workers.release(w);
              reject(new Error(CHECK_FAILED));
            });
          }
        };
        w.onerror = (e) => {
          e.preventDefault();
          failed(w);
        };
        w.onmessageerror = () => failed(w);
        try {
          w.postMessage({ type: "check", id, doc, profile: opts.profile });
          // The bar shows how many rules will run while the worker takes the document.
          opts.onProgress(0, rulesToRun(doc, opts.profile).length);
        } catch {
          // The document would not clone: this one goes to the main thread; the worker is fine.
          finish(() => {
            workers.release(w);
            reject(new WorkerUnavailable());
          });
        }
      },
      () => {
        workers.broken = true;
        finish(() => reject(new WorkerUnavailable()));
      },
    );
  });
}

/** The model for a main-thread check of these rules, loading it if needed; undefined: run without it. */
async function spellForSlices(doc: DocModel, opts: RunOptions, rules: Rule[]): Promise<SpellModel | undefined> {
  if (!needsSpellModel(rulesToRun(doc, opts.profile, rules))) return undefined;
  const source = opts.spell === undefined ? defaultSpell() : opts.spell;
  if (!source) return undefined;
  let model = source.ready;
  // Already cancelled: checkInSlices says so; nothing to fetch for a check that will not run.
  if (!model && opts.signal.aborted) return undefined;
  if (!model) {
    opts.onSpellModel?.("loading");
    model = await source.get();
    if (opts.signal.aborted) throw new CheckCancelled();
  }
  opts.onSpellModel?.(model ? "loaded" : "failed");
  return model;
}

/**
 * The findings of the check, as `check(doc, {profile, rules, spellModel})` gives them, without
 * blocking the page. Rejects with CheckCancelled when the signal is aborted.
 */
export async function runCheck(doc: DocModel, opts: RunOptions): Promise<Finding[]> {
  const workers = opts.workers ?? defaultWorkers();
  if (!opts.rules && workers.usable) {
    try {
      return await runInWorker(doc, opts, workers);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  const rules = opts.rules ?? ALL_RULES;
  const spellModel = await spellForSlices(doc, opts, rules);
  return checkInSlices(doc, opts.profile, rules, { onProgress: opts.onProgress, signal: opts.signal, pause: opts.pause, spellModel });
}
