/**
 * 规则设置 in the 检查 tab: a rule switched off is not run and its findings leave the list; the
 * switches are kept in the document (remounting the pane finds them), one set per 文稿类型;
 * 恢复默认 switches everything back on; rules the profile or unit config turns off stay off and
 * say why; whatever the stored state holds, nothing throws.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { DocumentState } from "../../src/core/host";
import { resolveProfile } from "../../src/core/profiles";
import type { Rule } from "../../src/core/rules";
import { MemoryHost } from "../../src/preview/memoryHost";
import { App } from "../../src/taskpane/App";
import { RuleSettings } from "../../src/taskpane/check/RuleSettings";
import {
  hasIgnores,
  ignoredWholeRules,
  resetRules,
  setRuleOn,
  switchedOff,
  withoutIgnores,
  withoutSwitchedOff,
  withRuleSwitches,
} from "../../src/taskpane/ruleSwitches";
import { makeDoc } from "../helpers/docBuilder";
import { commaRule, placeholderRule, typoRule } from "./testRules";

type User = ReturnType<typeof userEvent.setup>;

/** Several checks, remounts and a dialog on a loaded 2-core machine: more than the default 30 s. */
jest.setTimeout(120_000);

const COMMA = "中文中使用了半角逗号";
const TYPO = "“处臵”应为“处置”";
const PLACEHOLDER = "是未替换的占位符";

/** The rules, each noting in `runs` that the check ran it. */
function counted(runs: string[]): Rule[] {
  return [typoRule, commaRule, placeholderRule].map((r) => ({ ...r, check: (ctx) => (runs.push(r.id), r.check(ctx)) }));
}

function newHost(state?: DocumentState): MemoryHost {
  const host = new MemoryHost(makeDoc(["关于处臵,工作的XX通知", "加强处臵,建设"]));
  if (state) host.document.state = state;
  return host;
}

async function mount(host: MemoryHost, rules: Rule[]) {
  const user = userEvent.setup();
  const view = await act(async () => render(<App host={host} initialTab="check" rules={rules} />));
  return { user, view };
}

/** Runs a check and returns the text of the results list ("" when nothing was found). */
async function runCheck(user: User): Promise<string> {
  await user.click(screen.getByRole("button", { name: "开始检查" }));
  await screen.findByRole("status", { name: "检查结果概要" });
  await waitFor(() => expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled());
  return screen.queryByRole("list", { name: "检查结果" })?.textContent ?? "";
}

/**
 * The dialog once it is open and accessible. The jsdom/Fluent quirk userWords.test.tsx describes:
 * on a loaded machine jsdom can miss the dialog's initial focus and leave it aria-hidden; a clerk's
 * next act is to click into it, so the test puts focus in it as that click would.
 */
async function openedDialog(): Promise<HTMLElement> {
  const heading = await screen.findByText(/^规则设置：/, { selector: "h2" });
  const dialog = heading.closest('[role="dialog"]') as HTMLElement;
  expect(dialog).not.toBeNull();
  if (dialog.getAttribute("aria-hidden") === "true") {
    const first = dialog.querySelector<HTMLElement>("input:not([disabled]), button");
    if (first) act(() => first.focus());
  }
  await waitFor(() => expect(dialog).not.toHaveAttribute("aria-hidden"));
  return dialog;
}

async function openSettings(user: User): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: /^规则设置/ }));
  return openedDialog();
}

/** 完成: the dialog is gone and the page behind it is back in the accessibility tree. */
async function closeSettings(user: User, dialog: HTMLElement): Promise<void> {
  await user.click(within(dialog).getByRole("button", { name: "完成", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  await screen.findByRole("button", { name: "开始检查" });
}

const listText = () => screen.queryByRole("list", { name: "检查结果" })?.textContent ?? "";

describe("规则设置 in the 检查 tab", () => {
  test("a rule switched off leaves the list at once, is not run by the next check, and stays off after a remount", async () => {
    const runs: string[] = [];
    const host = newHost();
    const first = await mount(host, counted(runs));
    const user = first.user;
    let text = await runCheck(user);
    expect(text).toContain(COMMA);

    const dialog = await openSettings(user);
    expect(within(dialog).getByText("规则设置：讲话稿")).toBeInTheDocument();
    const comma = within(dialog).getByRole("switch", { name: "中文中的半角标点" });
    expect(comma).toBeChecked();
    await user.click(comma);
    expect(comma).not.toBeChecked();
    await closeSettings(user, dialog);
    // Gone before any new check; the other rules' findings stay.
    expect(listText()).not.toContain(COMMA);
    expect(listText()).toContain(TYPO);
    expect(screen.getByRole("button", { name: "规则设置（已关闭 1 条）" })).toBeInTheDocument();

    runs.length = 0;
    text = await runCheck(user);
    expect(runs).toEqual(["test-typo", "test-placeholder"]);
    expect(text).not.toContain(COMMA);
    expect(text).toContain(TYPO);
    expect(text).toContain(PLACEHOLDER);
    // Kept in the document, next to what 忽略此规则 keeps.
    expect(host.document.state?.ignoredRules).toEqual(["speech:test-comma"]);

    first.view.unmount();
    runs.length = 0;
    const second = await mount(host, counted(runs));
    await waitFor(() => expect(screen.getByRole("button", { name: "规则设置（已关闭 1 条）" })).toBeInTheDocument());
    text = await runCheck(second.user);
    expect(runs).toEqual(["test-typo", "test-placeholder"]);
    expect(text).not.toContain(COMMA);
    const again = await openSettings(second.user);
    expect(within(again).getByRole("switch", { name: "中文中的半角标点" })).not.toBeChecked();
    expect(within(again).getByRole("switch", { name: "错别字" })).toBeChecked();
  });

  test("each 文稿类型 has its own set", async () => {
    const runs: string[] = [];
    const host = newHost();
    const { user } = await mount(host, counted(runs));
    let dialog = await openSettings(user);
    await user.click(within(dialog).getByRole("switch", { name: "错别字" }));
    await closeSettings(user, dialog);

    await user.selectOptions(screen.getByRole("combobox", { name: "文稿类型" }), "gongwen");
    dialog = await openSettings(user);
    expect(within(dialog).getByText("规则设置：公文")).toBeInTheDocument();
    const typo = within(dialog).getByRole("switch", { name: "错别字" });
    expect(typo).toBeChecked();
    await user.click(within(dialog).getByRole("switch", { name: "未替换的占位符" }));
    await closeSettings(user, dialog);
    let text = await runCheck(user);
    expect(text).toContain(TYPO);
    expect(text).not.toContain(PLACEHOLDER);

    await user.selectOptions(screen.getByRole("combobox", { name: "文稿类型" }), "speech");
    runs.length = 0;
    text = await runCheck(user);
    expect(runs).toEqual(["test-comma", "test-placeholder"]);
    expect(text).not.toContain(TYPO);
    expect(text).toContain(PLACEHOLDER);
    expect([...(host.document.state?.ignoredRules ?? [])].sort()).toEqual(["gongwen:test-placeholder", "speech:test-typo"]);
  });

  test("恢复默认 switches this profile's rules back on, lifts 忽略此规则 of whole rules, and leaves the other profile's set", async () => {
    const host = newHost({ ignoredFindings: [], ignoredRules: ["test-placeholder", "gongwen:test-typo", "speech:test-comma"] });
    const { user } = await mount(host, counted([]));
    const dialog = await openSettings(user);
    expect(screen.getByRole("button", { name: "规则设置（已关闭 2 条）", hidden: true })).toBeInTheDocument();
    const placeholder = within(dialog).getByRole("switch", { name: "未替换的占位符" });
    expect(placeholder).not.toBeChecked();
    expect(placeholder).toBeEnabled();
    expect(placeholder).toHaveAccessibleDescription(expect.stringContaining("已在本文档中用“忽略此规则”忽略"));
    expect(within(dialog).getByRole("switch", { name: "中文中的半角标点" })).not.toBeChecked();
    expect(within(dialog).getByRole("switch", { name: "错别字" })).toBeChecked();

    await user.click(within(dialog).getByRole("button", { name: "恢复默认" }));
    for (const s of within(dialog).getAllByRole("switch")) expect(s).toBeChecked();
    expect(within(dialog).getByRole("button", { name: "恢复默认" })).toBeDisabled();
    await waitFor(() => expect(host.document.state?.ignoredRules).toEqual(["gongwen:test-typo"]));
    await closeSettings(user, dialog);
    const text = await runCheck(user);
    for (const m of [COMMA, TYPO, PLACEHOLDER]) expect(text).toContain(m);
  });

  test("switching a rule ignored with 忽略此规则 back on lifts the ignore", async () => {
    const host = newHost({ ignoredFindings: [], ignoredRules: ["test-placeholder", "test-comma/other"] });
    const { user } = await mount(host, counted([]));
    expect(await runCheck(user)).not.toContain(PLACEHOLDER);
    const dialog = await openSettings(user);
    await user.click(within(dialog).getByRole("switch", { name: "未替换的占位符" }));
    await closeSettings(user, dialog);
    expect(listText()).toContain(PLACEHOLDER);
    expect(host.document.state?.ignoredRules).toEqual(["test-comma/other"]);
  });

  test("恢复已忽略的内容 brings back ignored findings but keeps the switches", async () => {
    const host = newHost({ ignoredFindings: [], ignoredRules: ["test-placeholder", "speech:test-comma"] });
    const { user } = await mount(host, counted([]));
    const text = await runCheck(user);
    expect(text).not.toContain(PLACEHOLDER);
    await user.click(screen.getByRole("button", { name: "恢复已忽略的内容" }));
    await waitFor(() => expect(listText()).toContain(PLACEHOLDER));
    expect(listText()).not.toContain(COMMA);
    expect(host.document.state?.ignoredRules).toEqual(["speech:test-comma"]);
    expect(screen.queryByRole("button", { name: "恢复已忽略的内容" })).not.toBeInTheDocument();
  });

  test("rules the profile turns off stay off, disabled, with the reason; the dialog is axe-clean", async () => {
    // 公文 turns speech-salutation off: a rule of that id cannot be switched on there.
    const salutation: Rule = { ...placeholderRule, id: "speech-salutation", title: "讲话稿称谓不规范", category: "structure.speech", messages: undefined };
    const runs: string[] = [];
    const host = newHost({ ignoredFindings: [], ignoredRules: ["gongwen:test-comma"] });
    const rules = [...counted(runs), { ...salutation, check: (ctx: Parameters<Rule["check"]>[0]) => (runs.push("speech-salutation"), salutation.check(ctx)) }];
    const { user } = await mount(host, rules);
    await user.selectOptions(screen.getByRole("combobox", { name: "文稿类型" }), "gongwen");
    const dialog = await openSettings(user);
    const sw = within(dialog).getByRole("switch", { name: "讲话稿称谓不规范" });
    expect(sw).not.toBeChecked();
    expect(sw).toBeDisabled();
    expect(sw).toHaveAccessibleDescription(expect.stringContaining("“公文”不做此项检查。"));
    // The profile's own "off" is not a switch of the clerk's: the count is only test-comma.
    expect(screen.getByRole("button", { name: "规则设置（已关闭 1 条）", hidden: true })).toBeInTheDocument();
    expect(within(dialog).getByRole("heading", { name: "讲话稿结构" })).toBeInTheDocument();
    expect(await axe(document.body)).toHaveNoViolations();
    await closeSettings(user, dialog);
    await runCheck(user);
    expect(runs).toEqual(["test-typo", "test-placeholder"]);
  });

  test("a unit config's \"off\" (whole rule or one check) is shown and cannot be switched on", async () => {
    const profile = resolveProfile("speech", { rules: { "test-comma": "off", "test-placeholder/name": "off" } });
    const onChange = jest.fn();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <RuleSettings rules={[typoRule, commaRule, placeholderRule]} profile={profile} state={{ ignoredFindings: [], ignoredRules: [] }} onChange={onChange} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "规则设置" }));
    const dialog = await openedDialog();
    const comma = within(dialog).getByRole("switch", { name: "中文中的半角标点" });
    expect(comma).toBeDisabled();
    expect(comma).not.toBeChecked();
    expect(comma).toHaveAccessibleDescription(expect.stringContaining("单位配置已关闭此规则"));
    const placeholder = within(dialog).getByRole("switch", { name: "未替换的占位符" });
    expect(placeholder).toBeChecked();
    expect(placeholder).toHaveAccessibleDescription(expect.stringContaining("单位配置已关闭其中的“名称占位符”检查。"));
    await user.click(comma);
    expect(onChange).not.toHaveBeenCalled();
    // Whatever the document holds, the config's "off" reaches the check.
    expect(withRuleSwitches(profile, setRuleOn({}, "speech", "test-comma", true)).rules["test-comma"]).toBe("off");
    expect(await axe(document.body)).toHaveNoViolations();
  });

  test("garbage in the stored state: the pane still checks, and the valid switch is honoured", async () => {
    const runs: string[] = [];
    const host = newHost({
      ignoredFindings: ["", "x|y"],
      ignoredRules: ["speech:", ":test-typo", "speech:__proto__", "speech:Test-Typo", "speech:test-typo/x", "speech::", "speech:test-comma", "nonexistent:test-typo", "speech:no-such-rule"],
    });
    const { user } = await mount(host, counted(runs));
    const text = await runCheck(user);
    expect(runs).toEqual(["test-typo", "test-placeholder"]);
    expect(text).toContain(TYPO);
    expect(text).not.toContain(COMMA);
    const dialog = await openSettings(user);
    expect(within(dialog).getAllByRole("switch").filter((s) => !(s as HTMLInputElement).checked)).toHaveLength(1);
  });
});

describe("ruleSwitches (stored state)", () => {
  const malformed: unknown[] = [
    undefined,
    null,
    5,
    "speech:test-comma",
    [],
    {},
    { ignoredRules: "speech:test-comma" },
    { ignoredRules: null, ignoredFindings: 3 },
    { ignoredRules: [1, null, {}, ["speech:test-comma"]], ignoredFindings: [null] },
  ];

  test.each(malformed.map((s) => [s]))("%p falls back to every rule on and never throws", (state) => {
    const profile = resolveProfile("speech");
    expect(switchedOff(state, "speech").size).toBe(0);
    expect(ignoredWholeRules(state).size).toBe(0);
    expect(withRuleSwitches(profile, state)).toBe(profile);
    expect(hasIgnores(state)).toBe(false);
    expect(withoutIgnores(state)).toEqual({ ignoredFindings: [], ignoredRules: [] });
    expect(resetRules(state, "speech")).toEqual({ ignoredFindings: [], ignoredRules: [] });
    expect(setRuleOn(state, "speech", "test-comma", false)).toEqual({ ignoredFindings: [], ignoredRules: ["speech:test-comma"] });
    expect(withoutSwitchedOff([], state, "speech")).toEqual([]);
  });

  test("only kebab-case ids become settings; nothing reaches the prototype", () => {
    const state = { ignoredFindings: [], ignoredRules: ["speech:__proto__", "speech:constructor", "speech:a/b", "Speech:x", "speech:ok-rule"] };
    const profile = withRuleSwitches(resolveProfile("speech"), state);
    expect(switchedOff(state, "speech")).toEqual(new Set(["constructor", "ok-rule"]));
    expect(Object.getPrototypeOf(profile.rules)).toBe(Object.prototype);
    expect(profile.rules["ok-rule"]).toBe("off");
    // The built-in profile is not changed by a copy.
    expect(resolveProfile("speech").rules["ok-rule"]).toBeUndefined();
  });

  test("switching off twice stores one entry; on removes it and a whole-rule ignore, not a check's", () => {
    let s = setRuleOn({ ignoredFindings: ["k"], ignoredRules: ["test-comma", "test-comma/x"] }, "speech", "test-comma", false);
    s = setRuleOn(s, "speech", "test-comma", false);
    expect(s.ignoredRules).toEqual(["test-comma", "test-comma/x", "speech:test-comma"]);
    s = setRuleOn(s, "speech", "test-comma", true);
    expect(s).toEqual({ ignoredFindings: ["k"], ignoredRules: ["test-comma/x"] });
  });
});
