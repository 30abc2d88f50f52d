/**
 * The check off the UI thread (src/taskpane/checkJob.ts, checkRunner.ts): the worker's job and
 * the main-thread slices give exactly the engine's findings, report progress rule by rule, stop
 * when cancelled, and the runner falls back to slices when a worker cannot take the job. The
 * worker here is an in-process fake that structured-clones every message, as a real one does;
 * the real worker runs in the Chromium e2e test.
 */
import * as fs from "fs";
import * as path from "path";
import { check } from "../../src/core/engine";
import type { DocModel } from "../../src/core/model";
import { resolveProfile } from "../../src/core/profiles";
import { readDocument } from "../../src/core/reader";
import { ALL_RULES } from "../../src/core/rules";
import type { Rule } from "../../src/core/rules/types";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { CheckCancelled, checkInSlices, checkWithProgress, handleCheckRequest, rulesToRun, type CheckReply } from "../../src/taskpane/checkJob";
import { CHECK_FAILED, CheckWorkers, runCheck } from "../../src/taskpane/checkRunner";
import { clone, FakeWorker, posted } from "./fakeCheckWorker";
import { TEST_RULES } from "./testRules";


const fixture = (name: string) => readDocument(new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", name))), name);
const DOCS: Array<[string, () => DocModel]> = [
  ["the preview sample", sampleDraft],
  ["gongwen.docx", () => fixture("gongwen.docx")],
  ["gongwen-lo.docx", () => fixture("gongwen-lo.docx")],
];
const PROFILES = ["speech", "gongwen"] as const;

/** Every value reachable from `v` is a primitive, a plain object or an array: nothing a clone would change. */
function plainDataProblems(v: unknown, at = "doc", out: string[] = []): string[] {
  if (v === null || ["string", "number", "boolean", "undefined"].includes(typeof v)) return out;
  if (typeof v !== "object") out.push(`${at}: ${typeof v}`);
  else if (Array.isArray(v)) v.forEach((x, i) => plainDataProblems(x, `${at}[${i}]`, out));
  else if (Object.getPrototypeOf(v) !== Object.prototype) out.push(`${at}: ${Object.prototype.toString.call(v)}`);
  else for (const [k, x] of Object.entries(v)) plainDataProblems(x, `${at}.${k}`, out);
  return out;
}

describe("the document model and the findings travel to and from a worker unchanged", () => {
  test.each(DOCS)("%s is plain data and survives a structured clone", (_name, make) => {
    const doc = make();
    expect(plainDataProblems(doc)).toEqual([]);
    expect(clone(doc)).toEqual(doc);
    const findings = check(doc, { profile: resolveProfile("gongwen") });
    expect(plainDataProblems(findings, "findings")).toEqual([]);
    expect(clone(findings)).toEqual(findings);
  });
});

describe("the job gives exactly the engine's findings", () => {
  for (const profileId of PROFILES) {
    test.each(DOCS)(`%s (${profileId}): one run with progress, and rule-by-rule slices`, async (_name, make) => {
      const doc = make();
      const profile = resolveProfile(profileId);
      const expected = check(doc, { profile });
      expect(expected.length).toBeGreaterThan(0);

      const seen: Array<[number, number]> = [];
      expect(checkWithProgress(doc, profile, (d, t) => seen.push([d, t]))).toEqual(expected);
      const total = rulesToRun(doc, profile).length;
      expect(seen).toEqual(Array.from({ length: total + 1 }, (_v, i) => [i, total]));

      const sliced: Array<[number, number]> = [];
      await expect(checkInSlices(doc, profile, ALL_RULES, { onProgress: (d, t) => sliced.push([d, t]) })).resolves.toEqual(expected);
      expect(sliced).toEqual(seen);
    });
  }

  test("plain text skips the rules that need formatting, and the total says so", () => {
    const doc = { ...sampleDraft(), hasFormatting: false };
    const profile = resolveProfile("gongwen");
    const run = rulesToRun(doc, profile);
    expect(run.some((r) => r.needsFormatting)).toBe(false);
    expect(rulesToRun(sampleDraft(), profile).length).toBeGreaterThan(run.length);
  });

  test("a rule that throws counts as done and is isolated as in the engine", async () => {
    const boom: Rule = { ...TEST_RULES[0], id: "test-boom", check: () => {
      throw new TypeError("boom");
    },
  };
    const rules = [TEST_RULES[0], boom, TEST_RULES[2]];
    const doc = sampleDraft();
    const profile = resolveProfile("speech");
    const expected = check(doc, { profile, rules });
    expect(expected.some((f) => f.rule === "test-boom" && f.messageId === "rule-crashed")).toBe(true);
    const seen: number[] = [];
    expect(checkWithProgress(doc, profile, (d) => seen.push(d), rules)).toEqual(expected);
    expect(seen).toEqual([0, 1, 2, 3]);
    await expect(checkInSlices(doc, profile, rules, { onProgress: () => undefined })).resolves.toEqual(expected);
  });
});

describe("main-thread slices stop between rules when cancelled", () => {
  test("no rule runs after 取消, and the run ends in CheckCancelled", async () => {
    const ran: string[] = [];
    const rules = TEST_RULES.map((r): Rule => ({ ...r, check: (ctx) => (ran.push(r.id), r.check(ctx)) }));
    const controller = new AbortController();
    // The page gets its turn between slices; the user clicks 取消 right after the first rule.
    const pause = async () => {
      if (ran.length === 1) controller.abort();
    };
    const progress: number[] = [];
    await expect(
      checkInSlices(sampleDraft(), resolveProfile("speech"), rules, { onProgress: (d) => progress.push(d), signal: controller.signal, pause }),
    ).rejects.toBeInstanceOf(CheckCancelled);
    expect(ran).toEqual(["test-typo"]);
    expect(progress).toEqual([0, 1]);
  });
});

describe("runCheck with a worker", () => {
  const doc = sampleDraft();
  const profile = resolveProfile("speech");
  const expected = check(doc, { profile });

  test("the built-in rules go to the worker; progress comes from it; the idle worker is reused", async () => {
    let last: FakeWorker | undefined;
    const workers = new CheckWorkers(() => (last = new FakeWorker()));
    const before = FakeWorker.started;
    for (let round = 0; round < 2; round++) {
      const progress: Array<[number, number]> = [];
      const result = runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: (d, t) => progress.push([d, t]) });
      const w = await posted(() => last);
      w.requests = 0;
      w.finish();
      await expect(result).resolves.toEqual(expected);
      const total = rulesToRun(doc, profile).length;
      expect(progress[0]).toEqual([0, total]);
      expect(progress[progress.length - 1]).toEqual([total, total]);
    }
    expect(FakeWorker.started - before).toBe(1);
  });

  test("取消 terminates the worker at once; the next check starts a fresh one", async () => {
    let last: FakeWorker | undefined;
    const workers = new CheckWorkers(() => (last = new FakeWorker()));
    const controller = new AbortController();
    const progress: number[] = [];
    const result = runCheck(doc, { profile, signal: controller.signal, workers, onProgress: (d) => progress.push(d) });
    const w = await posted(() => last);
    w.step();
    w.step();
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(CheckCancelled);
    expect(w.terminated).toBe(true);
    // 0 from the runner as it posts, then the worker's own 0 and 1.
    expect(progress).toEqual([0, 0, 1]);

    const again = runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: () => undefined });
    const w2 = await posted(() => (last === w ? undefined : last));
    expect(w2).not.toBe(w);
    w2.finish();
    await expect(again).resolves.toEqual(expected);
  });

  test("custom rules never go to a worker", async () => {
    const factory = jest.fn(() => new FakeWorker());
    const workers = new CheckWorkers(factory);
    const result = await runCheck(doc, { profile, rules: TEST_RULES, signal: new AbortController().signal, workers, onProgress: () => undefined });
    expect(result).toEqual(check(doc, { profile, rules: TEST_RULES }));
    expect(factory).not.toHaveBeenCalled();
  });

  test("a worker that cannot load: the check runs in slices, and later checks do not try again", async () => {
    const factory = jest.fn(() => {
      const w = new FakeWorker();
      w.postMessage = () => queueMicrotask(() => w.onerror?.(new Event("error")));
      return w;
    });
    const workers = new CheckWorkers(factory);
    const progress: number[] = [];
    await expect(runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: (d) => progress.push(d) })).resolves.toEqual(expected);
    expect(progress[progress.length - 1]).toBe(rulesToRun(doc, profile).length);
    expect(workers.broken).toBe(true);
    await expect(runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: () => undefined })).resolves.toEqual(expected);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  test("a factory that throws (no worker script, blocked) falls back too", async () => {
    const workers = new CheckWorkers(() => Promise.reject(new Error("SecurityError")));
    await expect(runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: () => undefined })).resolves.toEqual(expected);
    expect(workers.broken).toBe(true);
  });

  test("a document that does not clone runs in slices; the worker stays usable", async () => {
    const workers = new CheckWorkers(() => {
      const w = new FakeWorker();
      w.postMessage = () => {
        throw new DOMException("could not be cloned", "DataCloneError");
      };
      return w;
    });
    await expect(runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: () => undefined })).resolves.toEqual(expected);
    expect(workers.broken).toBe(false);
  });

  test("a worker that dies after it started: one Chinese sentence, no fallback run", async () => {
    let last: FakeWorker | undefined;
    const workers = new CheckWorkers(() => (last = new FakeWorker()));
    const result = runCheck(doc, { profile, signal: new AbortController().signal, workers, onProgress: () => undefined });
    const w = await posted(() => last);
    w.step();
    w.onerror?.(new Event("error"));
    await expect(result).rejects.toThrow(CHECK_FAILED);
    expect(w.terminated).toBe(true);
  });

  test("the worker answers an engine failure with an error reply, never silence", () => {
    const replies: CheckReply[] = [];
    handleCheckRequest({ type: "check", id: 7, doc: null as unknown as DocModel, profile }, (r) => replies.push(r));
    expect(replies[replies.length - 1]).toMatchObject({ type: "error", id: 7 });
  });
});
