/**
 * The spelling model seen from the 检查 tab: nothing is fetched when the pane opens; the first
 * check shows 「正在加载错别字词库…」 while the model loads (in the worker, or on the page for
 * the main-thread fallback) and later checks do not load it again; when it cannot be loaded the
 * check still lists its findings and the pane says once that only the common list was used.
 *
 * The real loader needs webpack (import.meta.url in spellAsset.ts): checkWorker.ts, which carries
 * it and the worker, is replaced by fakes whose loads the tests settle by hand.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Rule } from "../../src/core/rules/types";
import type { SpellModel } from "../../src/core/spell/types";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { LOADING_SPELL_MODEL, SPELL_MODEL_FAILED } from "../../src/taskpane/CheckTab";
import { TEST_RULES } from "./testRules";

/** Several checks and a dialog on a loaded 2-core machine: more than the default 30 s allows. */
const UI_TIMEOUT = 90_000;

type Pending = { resolve: (m: SpellModel) => void; reject: (e: unknown) => void };
/** Loads started on the page (fallback) and in workers, in order. */
const mockPageLoads: Pending[] = [];
const mockWorkerLoads: Pending[] = [];

jest.mock("../../src/taskpane/checkWorker", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SpellWorker } = require("./spellFakes") as typeof import("./spellFakes");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SpellModelSource } = require("../../src/taskpane/checkJob") as typeof import("../../src/taskpane/checkJob");
  const pending = (into: Pending[]) => () => new Promise<SpellModel>((resolve, reject) => into.push({ resolve, reject }));
  return {
    createCheckWorker: () => new SpellWorker(new SpellModelSource(pending(mockWorkerLoads))),
    loadSpellModel: pending(mockPageLoads),
  };
});

const FAKE_MODEL = { version: 1 } as unknown as SpellModel;
const g = globalThis as unknown as { Response?: unknown; Worker?: unknown };
// The page loader exists only where the page has the Fetch API; jsdom has not, so the tests give it
// a Response class (never used: the loader itself is the fake above). The page's workers are set
// up on the first check, so `Worker` must exist from the start (rules given as code never go to a
// worker).
beforeAll(() => {
  g.Response ??= class Response {};
  g.Worker ??= function Worker() {};
});
afterAll(() => {
  delete g.Response;
  delete g.Worker;
});

/** The pane on the sample draft, checking with these rules (given as code) or the built-in ones. */
async function setup(rules: Rule[] | "built-in" = TEST_RULES) {
  const user = userEvent.setup();
  const given = rules === "built-in" ? undefined : rules;
  await act(async () => render(<App host={new MemoryHost(sampleDraft())} initialTab="check" rules={given} />));
  return user;
}

const startCheck = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole("button", { name: "开始检查" }));
const checkEnded = () => waitFor(() => expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled());

describe("main-thread fallback (rules given as code)", () => {
  test("not loaded when the pane opens; a failed load still lists the findings and is said once", async () => {
    const user = await setup();
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(mockPageLoads).toHaveLength(0);

    await startCheck(user);
    expect(await screen.findByText(LOADING_SPELL_MODEL)).toBeInTheDocument();
    expect(mockPageLoads).toHaveLength(1);
    await act(async () => mockPageLoads[0].reject(new Error("HTTP 404")));
    await checkEnded();
    expect(screen.queryByText(LOADING_SPELL_MODEL)).not.toBeInTheDocument();
    expect(screen.getByText(SPELL_MODEL_FAILED)).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem").length).toBeGreaterThan(0);

    // The next check tries again; when that fails too, the pane does not repeat itself.
    await startCheck(user);
    await waitFor(() => expect(mockPageLoads).toHaveLength(2));
    await act(async () => mockPageLoads[1].reject(new Error("HTTP 404")));
    await checkEnded();
    expect(screen.queryByText(SPELL_MODEL_FAILED)).not.toBeInTheDocument();
    expect(screen.getByRole("list", { name: "检查结果" })).toBeInTheDocument();
  }, UI_TIMEOUT);

  test("a good load: the label while it loads, then the check; later checks reuse the page's model", async () => {
    const user = await setup();
    await startCheck(user);
    expect(await screen.findByText(LOADING_SPELL_MODEL)).toBeInTheDocument();
    const n = mockPageLoads.length;
    await act(async () => mockPageLoads[n - 1].resolve(FAKE_MODEL));
    await checkEnded();
    expect(screen.queryByText(SPELL_MODEL_FAILED)).not.toBeInTheDocument();
    expect(screen.getByRole("list", { name: "检查结果" })).toBeInTheDocument();

    await startCheck(user);
    await checkEnded();
    expect(screen.queryByText(LOADING_SPELL_MODEL)).not.toBeInTheDocument();
    expect(mockPageLoads).toHaveLength(n);
  }, UI_TIMEOUT);

  test("a check without typo rules loads nothing", async () => {
    const before = mockPageLoads.length;
    const user = await setup(TEST_RULES.filter((r) => r.category !== "typo"));
    await startCheck(user);
    await checkEnded();
    expect(mockPageLoads).toHaveLength(before);
  }, UI_TIMEOUT);
});

describe("the worker (built-in rules)", () => {
  test("the worker loads the model when the check runs; the label shows meanwhile; a failure is said", async () => {
    const user = await setup("built-in");
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(mockWorkerLoads).toHaveLength(0);

    await startCheck(user);
    expect(await screen.findByText(LOADING_SPELL_MODEL)).toBeInTheDocument();
    expect(mockWorkerLoads).toHaveLength(1);
    await act(async () => mockWorkerLoads[0].reject(new Error("HTTP 404")));
    await checkEnded();
    expect(await screen.findByText(SPELL_MODEL_FAILED)).toBeInTheDocument();
    expect(screen.queryByText(LOADING_SPELL_MODEL)).not.toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem").length).toBeGreaterThan(0);
  }, UI_TIMEOUT);
});
