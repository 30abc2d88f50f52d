import { readFileSync } from "fs";
import { join } from "path";
import { check } from "../../../../src/core/engine";
import { docFromText } from "../../../../src/core/model";
import { resolveProfile } from "../../../../src/core/profiles";
import { spelling } from "../../../../src/core/rules/content/spelling";
import type { Rule } from "../../../../src/core/rules/types";
import { decodeSpellModel } from "../../../../src/core/spell/model";
import { runRuleTests } from "../../../helpers/ruleTester";

// The real model, as the CLI and the taskpane load it (npm run build:spell makes it).
const model = decodeSpellModel(new Uint8Array(readFileSync(join(__dirname, "../../../../assets/spell/spell.bin"))));

// The rule tester runs check() without a model: this wrapper hands the rule the real one.
const withModel: Rule = { ...spelling, check: (ctx) => spelling.check({ ...ctx, spellModel: model }) };

runRuleTests(withModel, {
  valid: [
    { name: "correct official prose", text: "要认真贯彻落实党中央决策部署，加快发展工业互联网，推动大数据产业发展。" },
    { name: "names of people and places", text: "市长张卫东、副市长李红梅出席会议并讲话。乌兰察布市、锡林郭勒盟的同志参加。" },
    { name: "的确 / 目的地 / 地方", text: "这项工作的确取得了明显成效，游客到达目的地后，地方各级要做好服务。" },
    { name: "截止日期, 账号 and 帐篷", text: "报名截止日期为3月5日，请妥善保管账号，救灾帐篷已运抵灾区。" },
    { name: "quotations of old texts", text: "民惟邦本，本固邦宁。百舸争流，奋楫者先。苟日新，日日新，又日新。" },
    { name: "numerals are content: 十八大 and 十六大", text: "党的十八大以来，党的十六大报告提出的目标已经实现。" },
    { name: "a user word is never touched", text: "大力培育发展大数局产业。", config: { words: ["大数局"] } },
    // issue #10 (real speeches): quotations, place names, deliberate parallels, real words
    { name: "a verse quoted in “…” is taken as written", text: "古人讲“咬定青山不放松，立根原在破岩中”，干事创业要有定力。" },
    { name: "a place name before 村/镇/乡", text: "上个月在黎家坪村调研，看到了新变化。" },
    { name: "an enumeration of like-built items (心勤、嘴勤)", text: "办公室工作要做到心勤、嘴勤、眼勤、手勤。" },
    { name: "a title in 《》 is a name", text: "认真学习《立根原在破岩中》一文。" },
    { name: "a real word is not swapped for another on weak evidence (时事)", text: "要经常上网了解时事，掌握信息。" },
  ],
  invalid: [
    {
      name: "same sound: 大数局 → 大数据",
      text: "内蒙古自治区乌兰察布市大力培育发展大数局产业。",
      findings: [{ excerpt: "局", messageId: "same-sound", message: "大数据" }],
      output: "内蒙古自治区乌兰察布市大力培育发展大数据产业。",
    },
    {
      name: "same sound: 工业互连网 → 工业互联网",
      text: "加快发展工业互连网，推动制造业数字化转型。",
      findings: [{ excerpt: "连", messageId: "same-sound", severity: "warning" }],
      output: "加快发展工业互联网，推动制造业数字化转型。",
    },
    {
      name: "same sound: 规划刚要 → 纲要",
      text: "认真编制“十四五”规划刚要，明确发展目标。",
      findings: [{ excerpt: "刚", messageId: "same-sound" }],
      output: "认真编制“十四五”规划纲要，明确发展目标。",
    },
    {
      name: "same sound: 依法刑政 → 行政",
      text: "各级政府要坚持依法刑政，建设法治政府。",
      findings: [{ excerpt: "刑", messageId: "same-sound" }],
      output: "各级政府要坚持依法行政，建设法治政府。",
    },
    {
      name: "similar shape: 贯切 → 贯彻",
      text: "要认真贯切落实党中央决策部署。",
      findings: [{ excerpt: "切", messageId: "similar-shape" }],
      output: "要认真贯彻落实党中央决策部署。",
    },
    {
      name: "a look-alike with the same right part and another radical: 严恪 → 严格",
      text: "各单位要严恪执行财务制度。",
      findings: [{ excerpt: "恪", messageId: "similar-shape", severity: "info" }],
      output: "各单位要严格执行财务制度。",
    },
    {
      name: "a whole word read the same (an IME's wrong pick): 家猫 → 假冒",
      text: "全面加强食品安全监管，严厉打击家猫伪劣产品。",
      findings: [{ excerpt: "家猫", messageId: "word-substitution", message: "假冒" }],
      output: "全面加强食品安全监管，严厉打击假冒伪劣产品。",
    },
    {
      name: "two paragraphs, two faults",
      text: "各级政府要坚持依法刑政。\n要认真贯切落实。",
      findings: [
        { paragraph: 0, excerpt: "刑" },
        { paragraph: 1, excerpt: "切" },
      ],
      output: "各级政府要坚持依法行政。\n要认真贯彻落实。",
    },
  ],
});

describe("spelling: the exemptions are what keeps those texts quiet", () => {
  const found = (text: string) => check(docFromText(text), { rules: [withModel], profile: resolveProfile("speech") });
  it.each([
    ["the same verse without quotation marks", "古人讲咬定青山不放松，立根原在破岩中，干事创业要有定力。"],
    ["the same name without 村", "上个月在黎家坪调研，看到了新变化。"],
    ["the same item alone", "办公室工作要做到心勤，多跑腿。"],
  ])("%s is flagged", (...[, text]) => {
    expect(found(text).length).toBe(1);
  });
});

describe("spelling without a model", () => {
  it("does nothing when no model is loaded", () => {
    const found = check(docFromText("内蒙古自治区乌兰察布市大力培育发展大数局产业。"), { rules: [spelling], profile: resolveProfile("speech") });
    expect(found).toEqual([]);
  });
});
