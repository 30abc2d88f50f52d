/**
 * The spelling model in the check job (src/taskpane/checkJob.ts, checkRunner.ts): fetched only by
 * a check that runs a typo rule, never before; decoded once per worker (or page) and kept; a load
 * that fails leaves the check running without it and says "failed". The worker here is an
 * in-process fake that runs the real worker code with a spelling model source, as check.worker.ts
 * does, and structured-clones every message both ways.
 */
import { check } from "../../src/core/engine";
import { resolveProfile, type Profile } from "../../src/core/profiles";
import { ALL_RULES } from "../../src/core/rules";
import type { Rule } from "../../src/core/rules/types";
import { decodeSpellModel } from "../../src/core/spell/model";
import type { SpellModel } from "../../src/core/spell/types";
import { sampleDraft } from "../../src/preview/sampleDraft";
import {
  handleCheckRequest,
  needsSpellModel,
  readSpellModel,
  rulesToRun,
  SpellModelSource,
  type CheckReply,
  type CheckRequest,
  type SpellStatus,
} from "../../src/taskpane/checkJob";
import { CheckCancelled, CheckWorkers, runCheck } from "../../src/taskpane/checkRunner";
import { clone } from "./fakeCheckWorker";
import { deferredLoader, FAKE_MODEL, SpellWorker } from "./spellFakes";
import { TEST_RULES } from "./testRules";

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

/** A typo-category rule given as code that records which model each run saw. */
function modelSpy(seen: Array<SpellModel | undefined>): Rule {
  return { ...TEST_RULES[0], id: "test-spell-spy", check: (ctx) => (seen.push(ctx.spellModel), TEST_RULES[0].check(ctx)) };
}

/** The profile with every typo-category rule of ALL_RULES turned off. */
function withoutTypoRules(profile: Profile): Profile {
  const rules = { ...profile.rules };
  for (const r of ALL_RULES) if (r.category === "typo") rules[r.id] = "off";
  return { ...profile, rules };
}

const doc = sampleDraft();
const profile = resolveProfile("speech");
const request = (id: number, p: Profile = profile): CheckRequest => clone({ type: "check", id, doc, profile: p });

describe("which checks need the model", () => {
  test("a check runs a typo rule: yes; none (all turned off): no", () => {
    expect(needsSpellModel(rulesToRun(doc, profile))).toBe(true);
    expect(needsSpellModel(rulesToRun(doc, withoutTypoRules(profile)))).toBe(false);
    expect(needsSpellModel(TEST_RULES.filter((r) => r.category !== "typo"))).toBe(false);
  });
});

describe("the worker's side: handleCheckRequest with a model source", () => {
  test("nothing is loaded when the source is made; the first check loads, later checks reuse", async () => {
    const { load, calls } = deferredLoader();
    const spell = new SpellModelSource(load);
    expect(load).not.toHaveBeenCalled();

    const replies: CheckReply[] = [];
    const first = handleCheckRequest(request(1), (r) => replies.push(clone(r)), spell);
    expect(load).toHaveBeenCalledTimes(1);
    // While it loads, the pane has been told so and the check has not started.
    expect(replies).toEqual([{ type: "model", id: 1, status: "loading" }]);
    calls[0].resolve(FAKE_MODEL);
    await first;
    expect(replies[1]).toEqual({ type: "model", id: 1, status: "loaded" });
    expect(replies[2]).toEqual({ type: "progress", id: 1, done: 0, total: rulesToRun(doc, profile).length });
    const done = replies[replies.length - 1];
    expect(done.type).toBe("done");
    expect(spell.ready).toBe(FAKE_MODEL);

    // The second check: no "loading", no second load, and it runs at once.
    const again: CheckReply[] = [];
    expect(handleCheckRequest(request(2), (r) => again.push(clone(r)), spell)).toBeUndefined();
    expect(again[0]).toEqual({ type: "model", id: 2, status: "loaded" });
    expect(again[again.length - 1].type).toBe("done");
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a check without typo rules neither loads nor mentions the model", () => {
    const { load } = deferredLoader();
    const replies: CheckReply[] = [];
    handleCheckRequest(request(3, withoutTypoRules(profile)), (r) => replies.push(r), new SpellModelSource(load));
    expect(load).not.toHaveBeenCalled();
    expect(replies.some((r) => r.type === "model")).toBe(false);
    expect(replies[replies.length - 1].type).toBe("done");
  });

  test("a failed load: the check runs without the model and gives the plain engine's findings; the next check tries again", async () => {
    const { load, calls } = deferredLoader();
    const spell = new SpellModelSource(load);
    const replies: CheckReply[] = [];
    const run = handleCheckRequest(request(4), (r) => replies.push(clone(r)), spell);
    calls[0].reject(new Error("HTTP 404"));
    await run;
    expect(replies.filter((r) => r.type === "model")).toEqual([
      { type: "model", id: 4, status: "loading" },
      { type: "model", id: 4, status: "failed" },
    ]);
    expect(replies[replies.length - 1]).toEqual({ type: "done", id: 4, findings: check(doc, { profile }) });
    expect(spell.ready).toBeUndefined();

    const next = handleCheckRequest(request(5), () => undefined, spell);
    expect(load).toHaveBeenCalledTimes(2);
    calls[1].resolve(FAKE_MODEL);
    await next;
    expect(spell.ready).toBe(FAKE_MODEL);
  });

  test("two checks while it loads share one load", async () => {
    const { load, calls } = deferredLoader();
    const spell = new SpellModelSource(load);
    const a = spell.get();
    const b = spell.get();
    calls[0].resolve(FAKE_MODEL);
    await expect(Promise.all([a, b])).resolves.toEqual([FAKE_MODEL, FAKE_MODEL]);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe("reading the model file", () => {
  const bytes = new Uint8Array([0x42, 0x53, 0x50, 0x4c, 1, 2, 3]);
  const response = (status: number, body: Uint8Array = bytes) =>
    ({ ok: status >= 200 && status < 300, status, arrayBuffer: async () => body.slice().buffer }) as unknown as Response;

  test("the bytes of a good response go to the decoder", async () => {
    const decode = jest.fn(() => FAKE_MODEL);
    await expect(readSpellModel(async () => response(200), decode)).resolves.toBe(FAKE_MODEL);
    expect(decode).toHaveBeenCalledWith(bytes);
  });

  test("a missing file (404) rejects without decoding", async () => {
    const decode = jest.fn(() => FAKE_MODEL);
    await expect(readSpellModel(async () => response(404), decode)).rejects.toThrow("HTTP 404");
    expect(decode).not.toHaveBeenCalled();
  });

  test("a damaged file rejects with the decoder's error (the real decoder)", async () => {
    await expect(readSpellModel(async () => response(200, bytes), decodeSpellModel)).rejects.toThrow();
    // A server that answers a missing file with a page instead of 404.
    const html = new TextEncoder().encode("<!doctype html><title>404</title>");
    await expect(readSpellModel(async () => response(200, html), decodeSpellModel)).rejects.toThrow();
  });

  test("offline: a request that fails rejects", async () => {
    await expect(
      readSpellModel(async () => {
        throw new TypeError("Failed to fetch");
      }, () => FAKE_MODEL),
    ).rejects.toThrow("Failed to fetch");
  });
});

describe("the main-thread fallback", () => {
  const signal = () => new AbortController().signal;

  test("loads the model on the first check that needs it, passes it to the rules, and keeps it", async () => {
    const { load, calls } = deferredLoader();
    const spell = new SpellModelSource(load);
    const seen: Array<SpellModel | undefined> = [];
    const rules = [modelSpy(seen), TEST_RULES[1]];
    const statuses: SpellStatus[] = [];
    const progress: number[] = [];
    const result = runCheck(doc, { profile, rules, spell, signal: signal(), onProgress: (d) => progress.push(d), onSpellModel: (s) => statuses.push(s) });
    await settle();
    // Loading comes first: no rule has run yet.
    expect(statuses).toEqual(["loading"]);
    expect(progress).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
    calls[0].resolve(FAKE_MODEL);
    await expect(result).resolves.toEqual(check(doc, { profile, rules, spellModel: FAKE_MODEL }));
    expect(statuses).toEqual(["loading", "loaded"]);
    expect(seen).toEqual([FAKE_MODEL, FAKE_MODEL]);

    const again: SpellStatus[] = [];
    await runCheck(doc, { profile, rules, spell, signal: signal(), onProgress: () => undefined, onSpellModel: (s) => again.push(s) });
    expect(again).toEqual(["loaded"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a failed load: the rules run without the model and the status says failed", async () => {
    const spell = new SpellModelSource(() => Promise.reject(new Error("不是拼写模型文件")));
    const seen: Array<SpellModel | undefined> = [];
    const rules = [modelSpy(seen)];
    const statuses: SpellStatus[] = [];
    const findings = await runCheck(doc, { profile, rules, spell, signal: signal(), onProgress: () => undefined, onSpellModel: (s) => statuses.push(s) });
    expect(statuses).toEqual(["loading", "failed"]);
    expect(seen).toEqual([undefined]);
    expect(findings).toEqual(check(doc, { profile, rules }));
    expect(findings.length).toBeGreaterThan(0);
  });

  test("rules without a typo rule: no load, no status", async () => {
    const load = jest.fn(() => Promise.resolve(FAKE_MODEL));
    const statuses: SpellStatus[] = [];
    await runCheck(doc, {
      profile,
      rules: [TEST_RULES[1]],
      spell: new SpellModelSource(load),
      signal: signal(),
      onProgress: () => undefined,
      onSpellModel: (s) => statuses.push(s),
    });
    expect(load).not.toHaveBeenCalled();
    expect(statuses).toEqual([]);
  });

  test("取消 while the model loads ends the run; the load finishes for the next check", async () => {
    const { load, calls } = deferredLoader();
    const spell = new SpellModelSource(load);
    const seen: Array<SpellModel | undefined> = [];
    const controller = new AbortController();
    const result = runCheck(doc, { profile, rules: [modelSpy(seen)], spell, signal: controller.signal, onProgress: () => undefined });
    await settle();
    controller.abort();
    calls[0].resolve(FAKE_MODEL);
    await expect(result).rejects.toBeInstanceOf(CheckCancelled);
    expect(seen).toEqual([]);
    await settle();
    expect(spell.ready).toBe(FAKE_MODEL);
  });
});

describe("runCheck with a worker", () => {
  test("the worker loads the model when the check runs, not when it starts; the idle worker keeps it", async () => {
    const { load, calls } = deferredLoader();
    const made: SpellWorker[] = [];
    const workers = new CheckWorkers(() => {
      const w = new SpellWorker(new SpellModelSource(load));
      made.push(w);
      return w;
    });
    expect(load).not.toHaveBeenCalled();
    const statuses: SpellStatus[] = [];
    const result = runCheck(doc, { profile, workers, signal: new AbortController().signal, onProgress: () => undefined, onSpellModel: (s) => statuses.push(s) });
    for (let i = 0; i < 20 && calls.length === 0; i++) await settle();
    expect(load).toHaveBeenCalledTimes(1);
    await settle();
    expect(statuses).toEqual(["loading"]);
    calls[0].resolve(FAKE_MODEL);
    await result;
    expect(statuses).toEqual(["loading", "loaded"]);

    const again: SpellStatus[] = [];
    await runCheck(doc, { profile, workers, signal: new AbortController().signal, onProgress: () => undefined, onSpellModel: (s) => again.push(s) });
    expect(again).toEqual(["loaded"]);
    expect(made).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("a failed load in the worker: the findings of a check without the model, and the status failed", async () => {
    const workers = new CheckWorkers(() => new SpellWorker(new SpellModelSource(() => Promise.reject(new Error("HTTP 404")))));
    const statuses: SpellStatus[] = [];
    const findings = await runCheck(doc, { profile, workers, signal: new AbortController().signal, onProgress: () => undefined, onSpellModel: (s) => statuses.push(s) });
    expect(statuses).toEqual(["loading", "failed"]);
    expect(findings).toEqual(check(doc, { profile }));
  });
});
