/**
 * 单位样式 in the pane (issue 13 "Unit styles"): 导入单位样式 reads the unit's config file, validated by
 * core's validateConfig; a good one is kept in the pane's store and the pane-wide profile carries it,
 * so 一键排版, inserted headings and the check follow it; a bad one shows the validator's Chinese
 * sentence and keeps nothing; 移除 goes back to the built-in profile; a remount finds it again.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { roleFormat } from "../../src/core/format/roles";
import type { InsertParagraph } from "../../src/core/host";
import type { DocModel } from "../../src/core/model";
import { ConfigError, resolveProfile, validateConfig } from "../../src/core/profiles";
import { ALL_RULES } from "../../src/core/rules";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";
import { App } from "../../src/taskpane/App";
import { memoryStore } from "../../src/taskpane/phrases/store";
import { loadUnitStyle, parseUnitStyle, saveUnitStyle, UNIT_CONFIG_KEY, unitProfile, unitStyleName, unitSummary } from "../../src/taskpane/unitStyle";
import { TEST_RULES } from "./testRules";

jest.setTimeout(120_000);

type User = ReturnType<typeof userEvent.setup>;
type Store = ReturnType<typeof memoryStore>;

/** Paragraphs of the sample by what they are (src/preview/sampleDraft.ts). */
const TITLE = 0;
const BODY = 3;
const LEVEL1 = 5;

/** A unit whose look differs from the built-in one in the title and the body. */
const UNIT = {
  format: {
    roles: {
      title: { fonts: ["方正小标宋_GBK"], sizePt: 20 },
      body: { fonts: ["方正仿宋_GBK"], sizePt: 15, indentChars: 0 },
    },
  },
};

const file = (content: string, name = "本单位.json") => new File([content], name, { type: "application/json" });

/** The sample with every run in 宋体 12 pt: nothing formatted yet. */
function unformatted(): DocModel {
  const d = sampleDraft();
  return { ...d, paragraphs: d.paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, fontEastAsia: "宋体", sizePt: 12 })) })) };
}

async function mount(opts: { host?: MemoryHost; store?: Store; tab?: "outline" | "check" } = {}) {
  const host = opts.host ?? new MemoryHost(unformatted());
  const store = opts.store ?? memoryStore();
  const user = userEvent.setup();
  const view = await act(async () => render(<App host={host} initialTab={opts.tab ?? "outline"} store={store} rules={TEST_RULES} />));
  const region = await screen.findByRole("region", { name: "一键排版" }).catch(() => undefined);
  return { host, store, user, view, region };
}

const formatRegion = () => screen.findByRole("region", { name: "一键排版" });

async function importConfig(user: User, content: string, name?: string) {
  const region = await formatRegion();
  const input = within(region).getByLabelText("选择单位样式配置文件") as HTMLInputElement;
  await user.upload(input, file(content, name));
}

async function formatDocument(user: User) {
  const region = await formatRegion();
  await user.click(within(region).getByRole("button", { name: "一键排版" }));
  await within(region).findByText(/已排版 \d+ 段/);
}

const runsOf = (host: MemoryHost, i: number) => host.model.paragraphs[i].runs.map((r) => [r.fontEastAsia, r.sizePt]);

describe("unitStyle helpers", () => {
  test("a valid file becomes a unit style named after the file; the config is validated as the CLI does", () => {
    const u = parseUnitStyle("\ufeff" + JSON.stringify(UNIT), "市政府办公室.json", ALL_RULES);
    expect(u.name).toBe("市政府办公室");
    expect(u.config).toEqual(UNIT);
    expect(unitSummary(u.config)).toBe("标题、正文的样式");
    expect(unitStyleName(".json")).toBe("单位样式");
    expect([...unitStyleName("长".repeat(80) + ".JSON")]).toHaveLength(40);
  });

  test.each([
    ["an empty file", "   ", /^文件是空的/],
    ["not JSON", "{format: }", /^文件不是有效的 JSON/],
    ["a JSON array", "[]", /^配置文件应是一个 JSON 对象。$/],
    ["a size out of range", JSON.stringify({ format: { roles: { body: { sizePt: 500 } } } }), /sizePt 应是 1 到 100 之间的磅值/],
    ["an unknown rule", JSON.stringify({ rules: { "no-such-rule": "off" } }), /^配置中的规则「no-such-rule」不存在。$/],
  ])("%s is refused with a Chinese sentence", (_name, text, message) => {
    let thrown: unknown;
    try {
      parseUnitStyle(text, "x.json", ALL_RULES);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
  });

  test("the stored style comes back; anything damaged is reported, never thrown", () => {
    const store = memoryStore();
    expect(loadUnitStyle(store)).toEqual({});
    expect(saveUnitStyle(store, { name: "甲", config: UNIT })).toBe(true);
    expect(loadUnitStyle(store)).toEqual({ unit: { name: "甲", config: UNIT } });
    for (const bad of ["{", "null", "7", JSON.stringify({ name: "乙", config: { format: { roles: { body: { sizePt: -1 } } } } }), JSON.stringify({ config: { rules: { "__proto__/x": "off" } } })]) {
      store.set(UNIT_CONFIG_KEY, bad);
      const got = loadUnitStyle(store);
      expect(got.unit).toBeUndefined();
      expect(got.problem).toMatch(/^保存的单位样式无法使用/);
    }
    const throwing = { get: () => { throw new Error("denied"); }, set: () => { throw new Error("full"); }, remove: () => undefined };
    expect(loadUnitStyle(throwing)).toEqual({});
    expect(saveUnitStyle(throwing, { name: "甲", config: UNIT })).toBe(false);
  });

  test("the profile is the chosen 文稿类型 with the unit's settings; the clerk's choice wins over the config's profile", () => {
    const unit = { name: "甲", config: { ...UNIT, profile: "gongwen", rules: { "format-page": "off" as const }, words: ["河长制"] } };
    const p = unitProfile("speech", unit);
    expect(p.id).toBe("speech");
    expect(p.rules["format-page"]).toBe("off");
    expect(p.words).toEqual(["河长制"]);
    expect(roleFormat(p.format, "body")).toMatchObject({ fontEastAsia: "方正仿宋_GBK", sizePt: 15, firstLineIndentChars: 0 });
    expect(unitProfile("speech", undefined)).toEqual(resolveProfile("speech"));
  });
});

describe("导入单位样式 in the pane", () => {
  test("a valid config drives 一键排版: the unit's font and size for the roles it sets, the built-in look for the rest", async () => {
    const { host, store, user, view } = await mount();
    await importConfig(user, JSON.stringify(UNIT), "市政府办公室.json");
    const region = await formatRegion();
    expect(await within(region).findByText("已使用单位样式：市政府办公室")).toBeInTheDocument();
    expect(within(region).getByText(/^已导入单位样式“市政府办公室”（标题、正文的样式）/)).toBeInTheDocument();
    expect(within(region).getByText("按“讲话稿”和单位样式“市政府办公室”排版（文稿类型在“检查”中选择）。")).toBeInTheDocument();
    expect(JSON.parse(store.get(UNIT_CONFIG_KEY) ?? "null")).toEqual({ name: "市政府办公室", config: UNIT });

    await formatDocument(user);
    expect(runsOf(host, TITLE)).toEqual([["方正小标宋_GBK", 20]]);
    expect(runsOf(host, BODY)).toEqual([["方正仿宋_GBK", 15]]);
    expect(host.model.paragraphs[BODY].firstLineIndentChars).toBe(0);
    // Roles the unit does not set keep the built-in look.
    expect(runsOf(host, LEVEL1)).toEqual([["黑体", 16]]);
    expect(await axe(view.container)).toHaveNoViolations();
  });

  test("the unit's page-number placement reaches the host with 一键排版", async () => {
    const { host, user } = await mount();
    await importConfig(user, JSON.stringify({ format: { pageNumbers: "gbt" } }));
    await within(await formatRegion()).findByText("已使用单位样式：本单位");
    await formatDocument(user);
    // 讲话稿 alone centres them (the other test below); the unit asks for GB/T 9704's odd/even placement.
    expect(host.document.pageNumbers).toBe("gbt");
  });

  test("without a unit style 讲话稿 centres the page numbers", async () => {
    const { host, user } = await mount();
    await formatDocument(user);
    expect(host.document.pageNumbers).toBe("center");
  });

  test("an invalid config shows its Chinese error, keeps nothing, and 一键排版 stays built-in", async () => {
    const { host, store, user } = await mount();
    const bad = { format: { roles: { body: { alignment: "middle" } } } };
    let expected = "";
    try {
      validateConfig(bad, ALL_RULES);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).toMatch(/alignment 应是/);
    await importConfig(user, JSON.stringify(bad), "错的.json");
    const region = await formatRegion();
    expect(await within(region).findByText(`未能导入“错的.json”：${expected}`)).toBeInTheDocument();
    expect(store.get(UNIT_CONFIG_KEY)).toBeUndefined();
    expect(within(region).queryByText(/^已使用单位样式/)).toBeNull();

    await importConfig(user, "{ 不是 JSON", "乱码.json");
    expect(await within(region).findByText(/^未能导入“乱码.json”：文件不是有效的 JSON/)).toBeInTheDocument();
    expect(store.get(UNIT_CONFIG_KEY)).toBeUndefined();

    await formatDocument(user);
    expect(runsOf(host, TITLE)).toEqual([["方正小标宋简体", 22]]);
    expect(runsOf(host, BODY)).toEqual([["仿宋_GB2312", 16]]);
  });

  test("a bad file after a good one leaves the good one in use", async () => {
    const { host, store, user } = await mount();
    await importConfig(user, JSON.stringify(UNIT), "甲.json");
    await importConfig(user, JSON.stringify({ format: { roles: { nobody: {} } } }), "乙.json");
    const region = await formatRegion();
    expect(await within(region).findByText(/^未能导入“乙.json”：format.roles 中的「nobody」不是可设置的段落角色/)).toBeInTheDocument();
    expect(within(region).getByText("已使用单位样式：甲")).toBeInTheDocument();
    expect(JSON.parse(store.get(UNIT_CONFIG_KEY) ?? "null").name).toBe("甲");
    await formatDocument(user);
    expect(runsOf(host, BODY)).toEqual([["方正仿宋_GBK", 15]]);
  });

  test("移除 goes back to the built-in profile and forgets the stored config", async () => {
    const { host, store, user } = await mount();
    await importConfig(user, JSON.stringify(UNIT));
    const region = await formatRegion();
    await within(region).findByText("已使用单位样式：本单位");
    await user.click(within(region).getByRole("button", { name: "移除" }));
    expect(await within(region).findByText("已移除单位样式，现按内置的“讲话稿”规范检查和排版。")).toBeInTheDocument();
    expect(within(region).queryByText(/^已使用单位样式/)).toBeNull();
    expect(store.get(UNIT_CONFIG_KEY)).toBeUndefined();
    await formatDocument(user);
    expect(runsOf(host, TITLE)).toEqual([["方正小标宋简体", 22]]);
    expect(runsOf(host, BODY)).toEqual([["仿宋_GB2312", 16]]);
  });

  test("the stored config survives a remount of the pane", async () => {
    const store = memoryStore();
    const first = await mount({ store });
    await importConfig(first.user, JSON.stringify(UNIT), "甲.json");
    await within(await formatRegion()).findByText("已使用单位样式：甲");
    first.view.unmount();

    const host = new MemoryHost(unformatted());
    const second = await mount({ host, store });
    expect(within(await formatRegion()).getByText("已使用单位样式：甲")).toBeInTheDocument();
    await formatDocument(second.user);
    expect(runsOf(host, BODY)).toEqual([["方正仿宋_GBK", 15]]);
  });

  test("a damaged stored config is said once, not used, and 移除 clears it", async () => {
    const store = memoryStore({ [UNIT_CONFIG_KEY]: JSON.stringify({ name: "旧", config: { format: { roles: { body: { sizePt: "大" } } } } }) });
    const { host, user } = await mount({ store });
    const region = await formatRegion();
    expect(within(region).getByText(/^保存的单位样式无法使用（format.roles.body（正文）.sizePt 应是/)).toBeInTheDocument();
    await formatDocument(user);
    expect(runsOf(host, BODY)).toEqual([["仿宋_GB2312", 16]]);
    await user.click(within(region).getByRole("button", { name: "移除" }));
    await waitFor(() => expect(within(region).queryByText(/^保存的单位样式无法使用/)).toBeNull());
    expect(store.get(UNIT_CONFIG_KEY)).toBeUndefined();
  });

  test("a config naming a 文稿类型 switches the pane to it; the clerk can still choose the other", async () => {
    const { user } = await mount();
    await importConfig(user, JSON.stringify({ profile: "gongwen", ...UNIT }));
    const region = await formatRegion();
    expect(await within(region).findByText(/文稿类型按配置改为“公文”。/)).toBeInTheDocument();
    expect(within(region).getByText(/^按“公文”和单位样式“本单位”排版/)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "检查" }));
    const type = await screen.findByRole("combobox", { name: "文稿类型" });
    expect(type).toHaveValue("gongwen");
    expect(screen.getByText(/^已使用单位样式“本单位”：检查按它的规则和格式进行/)).toBeInTheDocument();
    await user.selectOptions(type, "speech");
    await user.click(screen.getByRole("tab", { name: "大纲" }));
    expect(within(await formatRegion()).getByText(/^按“讲话稿”和单位样式“本单位”排版/)).toBeInTheDocument();
  });
});

describe("the check follows the unit style", () => {
  const COMMA = "中文中使用了半角逗号";
  const TYPO = "“处臵”应为“处置”";

  async function check(user: User): Promise<string> {
    await user.click(screen.getByRole("tab", { name: "检查" }));
    await user.click(await screen.findByRole("button", { name: "开始检查" }));
    await screen.findByRole("status", { name: "检查结果概要" });
    await waitFor(() => expect(screen.getByRole("button", { name: "开始检查" })).toBeEnabled());
    return screen.queryByRole("list", { name: "检查结果" })?.textContent ?? "";
  }

  test("rules the config turns off are not run, and its words are not flagged", async () => {
    const { user } = await mount();
    let text = await check(user);
    expect(text).toContain(COMMA);
    expect(text).toContain(TYPO);

    await user.click(screen.getByRole("tab", { name: "大纲" }));
    await importConfig(user, JSON.stringify({ rules: { "test-comma": "off" }, words: ["处臵"] }));
    await within(await formatRegion()).findByText("已使用单位样式：本单位");
    text = await check(user);
    expect(text).not.toContain(COMMA);
    expect(text).not.toContain(TYPO);
    expect(screen.getByText(/用户词典中的词 1 处，未列出/)).toBeInTheDocument();
  });
});

describe("inserted paragraphs carry the pane's profile", () => {
  test("插入下一标题 and 插入提纲 pass the unit's roleFormat for each paragraph", async () => {
    const host = new MemoryHost(sampleDraft());
    const inserted: InsertParagraph[][] = [];
    const real = host.insertParagraphs.bind(host);
    jest.spyOn(host, "insertParagraphs").mockImplementation((paras) => {
      inserted.push(paras);
      return real(paras);
    });
    const config = { format: { roles: { level2: { fonts: ["方正楷体_GBK"], sizePt: 15, bold: true } } } };
    const { user } = await mount({ host });
    await importConfig(user, JSON.stringify(config));
    await within(await formatRegion()).findByText("已使用单位样式：本单位");
    const spec = unitProfile("speech", { name: "本单位", config }).format;

    host.placeCursor(7, 0); // the body under 一、（一）
    await user.click(screen.getByRole("button", { name: "插入下一标题" }));
    await waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toHaveLength(1);
    const [h] = inserted[0];
    expect(h.role).toBe("level2");
    expect(h.format).toEqual(roleFormat(spec, "level2"));
    expect(h.format).toMatchObject({ fontEastAsia: "方正楷体_GBK", sizePt: 15, bold: true });
    // The preview host writes the paragraph in that format.
    const made = host.model.paragraphs[8];
    expect(made.text).toBe(h.text);
    expect(made.runs.map((r) => [r.fontEastAsia, r.sizePt, r.bold])).toEqual([["方正楷体_GBK", 15, true]]);

    const tpl = await screen.findByRole("region", { name: "插入提纲" });
    await user.click(within(tpl).getByRole("button", { name: "插入提纲" }));
    await waitFor(() => expect(inserted).toHaveLength(2));
    expect(inserted[1].length).toBeGreaterThan(1);
    for (const p of inserted[1]) expect(p.format).toEqual(roleFormat(spec, p.role));
  });
});
