/**
 * 检查 tab while a check runs: a progress bar 「正在检查…（已完成 n/m）」 and a 取消 button that
 * stops it at once, leaving the previous results (or none) and 「已取消检查。」. Custom rules run in
 * main-thread slices (the pane gets its turn between rules: a rule here clicks 取消 itself); the
 * built-in rules go to the worker, here an in-process fake fed one reply at a time.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { check } from "../../src/core/engine";
import { resolveProfile } from "../../src/core/profiles";
import { rulesToRun } from "../../src/taskpane/checkJob";
import type { Rule } from "../../src/core/rules/types";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { FINDINGS_PAGE } from "../../src/taskpane/CheckTab";
import type { FakeWorker } from "./fakeCheckWorker";
import { TEST_RULES } from "./testRules";

// The real module needs webpack (import.meta.url); the runner loads it only where Worker exists.
const mockWorkers: FakeWorker[] = [];
jest.mock("../../src/taskpane/checkWorker", () => ({
  createCheckWorker: () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FakeWorker } = require("./fakeCheckWorker") as typeof import("./fakeCheckWorker");
    const w = new FakeWorker();
    mockWorkers.push(w);
    return w;
  },
}));

const g = globalThis as unknown as { Worker?: unknown };
beforeAll(() => {
  g.Worker ??= function Worker() {};
});

async function setup(rules?: Rule[], host = new MemoryHost(sampleDraft())) {
  const user = userEvent.setup();
  await act(async () => render(<App host={host} initialTab="check" rules={rules} />));
  return { host, user };
}

/** A rule that, while it runs, notes what the pane shows and can click 取消 like a user would. */
function observer(notes: string[], opts: { cancel: () => boolean }): Rule {
  return {
    ...TEST_RULES[1],
    check(ctx) {
      notes.push(screen.getByRole("progressbar").getAttribute("aria-valuenow") ?? "", screen.getByText(/^正在检查…/).textContent ?? "");
      if (opts.cancel()) fireEvent.click(screen.getByRole("button", { name: "取消" }));
      TEST_RULES[1].check(ctx);
    },
  };
}

describe("custom rules: main-thread slices", () => {
  test("progress is shown between rules; 取消 stops before the next rule and says so", async () => {
    const notes: string[] = [];
    const ran: string[] = [];
    const last: Rule = { ...TEST_RULES[2], check: (ctx) => (ran.push("last"), TEST_RULES[2].check(ctx)) };
    const { user } = await setup([TEST_RULES[0], observer(notes, { cancel: () => true }), last]);
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText("已取消检查。")).toBeInTheDocument();
    // The pane had painted the first rule's progress before the second rule ran.
    expect(notes).toEqual([String(1 / 3), "正在检查…（已完成 1/3）"]);
    expect(ran).toEqual([]);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "取消" })).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "检查结果" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled();
  });

  test("取消 during a second check leaves the first check's results; a third check completes", async () => {
    let run = 0;
    const notes: string[] = [];
    const { user } = await setup([TEST_RULES[0], observer(notes, { cancel: () => run === 2 }), TEST_RULES[2]]);
    run = 1;
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(5));
    run = 2;
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText("已取消检查。")).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem")).toHaveLength(5);
    run = 3;
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await waitFor(() => expect(screen.queryByText("已取消检查。")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByRole("progressbar")).not.toBeInTheDocument());
    expect(within(screen.getByRole("list", { name: "检查结果" })).getAllByRole("listitem")).toHaveLength(5);
  });
});

describe("取消 of the check that follows a fix", () => {
  test("leaves the old list, but its fixes are disabled: their offsets no longer match", async () => {
    let run = 0;
    const { user, host } = await setup([TEST_RULES[0], observer([], { cancel: () => run === 2 }), TEST_RULES[2]]);
    run = 1;
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    const fixAll = await screen.findByRole("button", { name: /^全部修复（\d+ 处）$/ });
    run = 2;
    await user.click(fixAll);
    expect(await screen.findByText("已取消检查。")).toBeInTheDocument();
    expect(host.model.paragraphs.some((p) => p.text.includes("处臵"))).toBe(false);
    const fixes = within(list).getAllByRole("button", { name: "修复" });
    expect(fixes.length).toBeGreaterThan(0);
    for (const b of fixes) expect(b).toBeDisabled();
    // The whole list's and every group's 全部修复.
    for (const b of screen.getAllByRole("button", { name: /^全部修复/ })) expect(b).toBeDisabled();
  });
});

describe("built-in rules: the worker", () => {
  const total = rulesToRun(sampleDraft(), resolveProfile("speech")).length;

  test("progress comes from the worker; 取消 terminates it; the next check uses a fresh worker and lists the findings", async () => {
    const { user } = await setup();
    const before = mockWorkers.length;
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await waitFor(() => expect(mockWorkers.length).toBe(before + 1));
    const worker = mockWorkers[mockWorkers.length - 1];
    await waitFor(() => expect(worker.requests).toBe(1));
    expect(await screen.findByText(`正在检查…（已完成 0/${total}）`)).toBeInTheDocument();
    act(() => void (worker.step() && worker.step() && worker.step()));
    expect(await screen.findByText(`正在检查…（已完成 2/${total}）`)).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(2 / total));
    expect(screen.getByRole("button", { name: "开始检查" })).toBeDisabled();
    expect(await axe(document.body)).toHaveNoViolations();

    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(worker.terminated).toBe(true);
    expect(await screen.findByText("已取消检查。")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "检查结果" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "开始检查" }));
    await waitFor(() => expect(mockWorkers.length).toBe(before + 2));
    const fresh = mockWorkers[mockWorkers.length - 1];
    await waitFor(() => expect(fresh.requests).toBe(1));
    act(() => fresh.finish());
    const list = await screen.findByRole("list", { name: "检查结果" });
    const expected = check(sampleDraft(), { profile: resolveProfile("speech") });
    expect(within(list).getAllByRole("listitem")).toHaveLength(expected.length);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });
});

describe("many findings", () => {
  test("are listed a page at a time, so rendering them cannot freeze the pane", async () => {
    // A page and a bit more (rendering Fluent items in jsdom is slow; the paging is what matters).
    const total = FINDINGS_PAGE + 30;
    const many: Rule = {
      ...TEST_RULES[2],
      id: "test-many",
      messages: undefined,
      check(ctx) {
        for (let i = 0; i < total; i++) ctx.report({ paragraph: i % ctx.doc.paragraphs.length, start: 0, end: 1, message: `测试 ${i}` });
      },
    };
    const { user } = await setup([many]);
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    const list = await screen.findByRole("list", { name: "检查结果" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(FINDINGS_PAGE);
    expect(screen.getByRole("status")).toHaveTextContent(`共 ${total} 处`);
    await user.click(screen.getByRole("button", { name: `再显示 30 处（已显示 ${FINDINGS_PAGE} 处，共 ${total} 处）` }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(total);
    expect(screen.queryByRole("button", { name: /^再显示/ })).not.toBeInTheDocument();
  }, 60_000);
});

describe("cancelled while the document is read", () => {
  test("the document that arrives afterwards is not checked and the pane stays as it was", async () => {
    const host = new MemoryHost(sampleDraft());
    const real = host.readDocument.bind(host);
    let arrive: () => void = () => undefined;
    const held = new Promise<void>((r) => (arrive = r));
    host.readDocument = () => held.then(real);
    const ran: string[] = [];
    const rule: Rule = { ...TEST_RULES[0], check: (ctx) => (ran.push("ran"), TEST_RULES[0].check(ctx)) };
    const { user } = await setup([rule], host);
    await user.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText("正在读取文档…")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(await screen.findByText("已取消检查。")).toBeInTheDocument();
    await act(async () => {
      arrive();
      await held;
    });
    // The late document changes nothing: no rule ran, no results, the notice stays.
    await waitFor(() => expect(screen.getByText("已取消检查。")).toBeInTheDocument());
    expect(ran).toEqual([]);
    expect(screen.queryByRole("list", { name: "检查结果" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled();
  });
});
