/**
 * A small interim set of stock phrases (提示语), grouped by theme, with a plain keyword match
 * against the heading under the cursor. The real phrase library replaces this in a later issue:
 * keep the `PhraseProvider` shape and swap the function.
 */

export type PhraseKind = "heading" | "sentence" | "closing";

export interface PhraseSuggestion {
  text: string;
  kind: PhraseKind;
}

/** Given the heading text under the cursor (marker included) and its level (1 = 一、), the suggestions. */
export type PhraseProvider = (heading: string | undefined, level: number | undefined) => PhraseSuggestion[];

export const PHRASE_KIND_LABEL: Record<PhraseKind, string> = {
  heading: "标题",
  sentence: "句子",
  closing: "结尾",
};

interface Theme {
  name: string;
  keywords: string[];
  phrases: PhraseSuggestion[];
}

/** Our own wording; each theme has headings for 一、/（一） and sentences for the body. */
export const INTERIM_THEMES: Theme[] = [
  {
    name: "提高认识",
    keywords: ["认识", "思想", "站位", "意义", "重要性", "紧迫", "清醒"],
    phrases: [
      { kind: "heading", text: "提高思想认识，把握工作要求" },
      { kind: "heading", text: "认清形势任务，增强做好工作的责任感" },
      { kind: "sentence", text: "这项工作事关全局，关系长远，必须摆在更加突出的位置来抓。" },
      { kind: "sentence", text: "我们要清醒看到，工作中还存在一些短板和不足，决不能掉以轻心。" },
      { kind: "sentence", text: "各级各部门要把思想统一到会议部署上来，切实增强做好工作的主动性。" },
    ],
  },
  {
    name: "抓好落实",
    keywords: ["落实", "推进", "任务", "重点", "实效", "见效", "执行"],
    phrases: [
      { kind: "heading", text: "聚焦重点任务，推动工作落地见效" },
      { kind: "heading", text: "细化工作措施，确保各项任务落到实处" },
      { kind: "sentence", text: "要把任务分解到岗、责任落实到人，明确时间节点，定期对账销号。" },
      { kind: "sentence", text: "对已经部署的工作，要一项一项抓推进，一件一件见成效。" },
      { kind: "sentence", text: "要坚持问题导向，哪里有短板就在哪里用力，不搞层层加码。" },
    ],
  },
  {
    name: "加强领导",
    keywords: ["领导", "组织", "保障", "责任", "统筹", "协调", "机制"],
    phrases: [
      { kind: "heading", text: "加强组织领导，完善工作保障" },
      { kind: "heading", text: "压实工作责任，形成推进合力" },
      { kind: "sentence", text: "主要负责同志要亲自过问，分管同志要具体抓，形成一级抓一级的工作格局。" },
      { kind: "sentence", text: "各有关部门要加强沟通配合，主动补位，不推诿、不扯皮。" },
      { kind: "sentence", text: "要健全定期调度机制，及时研究解决工作中遇到的困难和问题。" },
    ],
  },
  {
    name: "作风建设",
    keywords: ["作风", "纪律", "廉洁", "形式主义", "官僚主义", "担当", "效能"],
    phrases: [
      { kind: "heading", text: "转变工作作风，提升机关效能" },
      { kind: "heading", text: "严守纪律规矩，营造干事创业的良好氛围" },
      { kind: "sentence", text: "要少开会、开短会，能合并的会议合并开，把更多时间用在抓落实上。" },
      { kind: "sentence", text: "要多到基层一线去，面对面听取意见，实打实解决问题。" },
      { kind: "sentence", text: "对敷衍塞责、推诿扯皮的，要严肃追责问责，绝不姑息。" },
    ],
  },
  {
    name: "安全稳定",
    keywords: ["安全", "稳定", "风险", "隐患", "防范", "应急", "底线"],
    phrases: [
      { kind: "heading", text: "守牢安全底线，防范化解各类风险" },
      { kind: "sentence", text: "要把隐患排查作为经常性工作，发现一处、整改一处、销号一处。" },
      { kind: "sentence", text: "要完善应急预案，加强值班值守，确保遇到情况能够第一时间处置。" },
      { kind: "sentence", text: "安全工作没有旁观者，每个岗位都要守好自己的一段渠、种好自己的责任田。" },
    ],
  },
  {
    name: "发展改革",
    keywords: ["发展", "改革", "创新", "经济", "项目", "产业", "营商"],
    phrases: [
      { kind: "heading", text: "坚持创新驱动，推动高质量发展" },
      { kind: "heading", text: "深化改革攻坚，激发发展活力" },
      { kind: "sentence", text: "要盯紧重点项目，倒排工期，挂图作战，确保按期建成见效。" },
      { kind: "sentence", text: "要持续优化营商环境，让企业办事更方便、更省心。" },
    ],
  },
  {
    name: "服务群众",
    keywords: ["群众", "民生", "服务", "基层", "百姓", "就业", "为民"],
    phrases: [
      { kind: "heading", text: "坚持为民导向，办好群众身边实事" },
      { kind: "sentence", text: "要把群众满意不满意作为检验工作成效的重要标准。" },
      { kind: "sentence", text: "群众反映强烈的问题，要建立台账，限时办结，件件有回音。" },
      { kind: "sentence", text: "要推动服务事项向基层延伸，让群众少跑腿、好办事。" },
    ],
  },
  {
    name: "队伍建设",
    keywords: ["队伍", "干部", "人才", "培训", "能力", "本领", "学习"],
    phrases: [
      { kind: "heading", text: "加强队伍建设，提升履职能力" },
      { kind: "sentence", text: "要在实践中锻炼干部，让年轻同志到吃劲岗位上经受历练。" },
      { kind: "sentence", text: "要坚持学以致用，把学习成果转化为推动工作的实际本领。" },
    ],
  },
];

/** Used when no heading governs the cursor, or nothing matched: openings, transitions and closings. */
export const GENERAL_PHRASES: PhraseSuggestion[] = [
  { kind: "sentence", text: "今天召开这次会议，主要任务是总结前一阶段工作，安排部署下一步任务。" },
  { kind: "sentence", text: "刚才，几位同志作了发言，讲得很好，请大家认真抓好落实。" },
  { kind: "sentence", text: "总的来看，前一阶段工作有序推进，取得了阶段性成效。" },
  { kind: "closing", text: "同志们，任务艰巨，责任重大。让我们以更加饱满的精神状态，扎扎实实把各项工作做好。" },
  { kind: "closing", text: "会后，各单位要迅速传达会议精神，结合实际抓好贯彻落实。" },
];

const MAX_SUGGESTIONS = 8;

/** Interim provider: themes whose keywords occur in the heading, headings first for level-1/2 headings. */
export const suggestPhrases: PhraseProvider = (heading, level) => {
  const text = heading ?? "";
  const scored: Array<{ theme: Theme; score: number }> = [];
  for (const theme of INTERIM_THEMES) {
    let score = 0;
    for (const k of theme.keywords) if (text.includes(k)) score++;
    if (score > 0) scored.push({ theme, score });
  }
  scored.sort((a, b) => b.score - a.score);
  if (scored.length === 0) return GENERAL_PHRASES.slice(0, MAX_SUGGESTIONS);
  const phrases = scored.flatMap((s) => s.theme.phrases);
  // Under a top-level heading, offer sub-headings first; deeper down, body sentences first.
  const headingsFirst = level !== undefined && level <= 1;
  const rank = (p: PhraseSuggestion) => (p.kind === "heading" ? (headingsFirst ? 0 : 1) : headingsFirst ? 1 : 0);
  const ordered = phrases.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
  return ordered.slice(0, MAX_SUGGESTIONS).map((x) => x.p);
};
