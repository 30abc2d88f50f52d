/**
 * The preview's sample: a speech draft of our own wording with the faults a check should catch —
 * 「下面，我讲三点意见」 with only two 一、 parts, a half-width (二), 处臵, 20xx, a half-width
 * comma, an XX placeholder, and one heading in the wrong font.
 */
import type { Alignment, DocModel, Paragraph } from "../core/model";

type Role = "title" | "speaker" | "salutation" | "level1" | "level2" | "body";

const FORMAT: Record<Role, { font: string; sizePt: number; align?: Alignment; indent?: number; outline?: number }> = {
  title: { font: "方正小标宋简体", sizePt: 22, align: "center" },
  speaker: { font: "楷体_GB2312", sizePt: 16, align: "center" },
  salutation: { font: "仿宋_GB2312", sizePt: 16 },
  level1: { font: "黑体", sizePt: 16, indent: 2, outline: 0 },
  level2: { font: "楷体_GB2312", sizePt: 16, indent: 2, outline: 1 },
  body: { font: "仿宋_GB2312", sizePt: 16, indent: 2 },
};

const SAMPLE: Array<[Role, string] | [Role, string, string]> = [
  ["title", "在全市机关作风建设推进会上的讲话"],
  ["speaker", "（20xx年3月）"],
  ["salutation", "同志们："],
  ["body", "今天召开这次会议，主要任务是回顾去年以来全市机关作风建设情况，分析当前形势，安排部署今年的重点工作。刚才，市委办公室通报了督查情况，三个单位作了交流发言，讲得都很实在，请大家认真学习借鉴。"],
  ["body", "下面，我讲三点意见。"],
  ["level1", "一、提高思想认识，切实增强作风建设的紧迫感"],
  ["level2", "（一）作风建设关系群众切身感受。"],
  ["body", "机关作风好不好，群众感受最直接。群众到机关办一件事，跑了几趟、等了多久、遇到什么脸色，都会记在心里。我们每一位机关干部都要把自己放进去，经常想一想群众满意不满意。"],
  ["level2", "(二)正视工作中存在的突出问题。"],
  ["body", "从督查情况看，一些同志遇到矛盾绕着走，对群众反映的问题处臵不及时、答复不到位；有的单位文件照抄照转，会议层层套开，基层负担依然较重。"],
  ["body", "这些问题虽然发生在少数单位、少数人身上，但影响的是整个机关的形象，必须下决心加以解决。"],
  ["level1", "二、突出问题导向，扎实推进重点任务落实", "宋体"],
  ["level2", "（一）精简会议文件。"],
  ["body", "各部门要严格控制会议数量和规模,能合并的合并，能套开的套开，能用电视电话会议的不再集中开会。文件要短、实、新，没有实质内容的一律不发。"],
  ["level2", "（二）改进调查研究。"],
  ["body", "领导干部每年到基层调研不少于两个月，力争到20xx年底前，每个部门都形成一批有分量的调研成果，并转化为具体的工作措施。"],
  ["level2", "（三）强化督查问责。"],
  ["body", "由XX牵头，会同有关部门每季度开展一次明察暗访，发现问题及时通报，对整改不力的严肃追责。"],
  ["body", "督查结果要与年度考核挂钩，真正让敢担当、善作为的干部受褒奖，让慢作为、不作为的干部有压力。"],
  ["body", "同时，要畅通群众监督渠道，对群众反映的作风问题，做到件件有登记、事事有回音。"],
  ["body", "各单位主要负责同志是本单位作风建设的第一责任人，要带头示范，既要管好自己，也要管好班子、带好队伍。"],
  ["body", "分管负责同志要对分管领域的作风建设负起直接责任，经常过问、具体指导。"],
  ["body", "机关各处室要结合自身职能，把作风要求落实到每一个岗位、每一个环节。"],
  ["body", "同志们，作风建设永远在路上。让我们以更加务实的作风、更加饱满的热情，把各项工作抓实抓好，以实际成效取信于民。"],
  ["body", "谢谢大家。"],
];

/** The sample draft as a formatted document model. */
export function sampleDraft(): DocModel {
  const paragraphs: Paragraph[] = SAMPLE.map(([role, text, fontOverride], index) => {
    const f = FORMAT[role];
    return {
      index,
      part: "body",
      text,
      ...(f.align ? { alignment: f.align } : {}),
      ...(f.indent !== undefined ? { firstLineIndentChars: f.indent, firstLineIndentPt: f.indent * f.sizePt } : {}),
      ...(f.outline !== undefined ? { outlineLevel: f.outline } : {}),
      lineSpacing: { rule: "exact", value: 28.95 },
      runs: [{ text, start: 0, end: text.length, fontEastAsia: fontOverride ?? f.font, fontLatin: "Times New Roman", sizePt: f.sizePt }],
    };
  });
  return {
    source: "docx",
    paragraphs,
    otherParagraphs: [],
    sections: [
      { pageWidthMm: 210, pageHeightMm: 297, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26 },
    ],
    hasFormatting: true,
  };
}
