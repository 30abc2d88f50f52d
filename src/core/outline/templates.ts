/**
 * Outline templates (提纲模板): complete skeletons of the speeches and 公文 a clerk drafts most,
 * each with its title, 称谓 or 主送机关, opening, the 过渡 sentence whose promised count matches
 * the sections, the numbered sections and the closing (落款 for 公文). Every blank is marked
 * 〔…〕 so the placeholder rule finds each one left unfilled. Pure data and functions.
 */
import type { InsertParagraph } from "../host";
import { toCnNumeral } from "../numbering/markers";
import type { SecondLevelForm, SkeletonOptions, Template } from "./types";

export const SECTIONS_MIN = 2;
export const SECTIONS_MAX = 6;
export const SUBSECTIONS_MIN = 0;
export const SUBSECTIONS_MAX = 5;
export const SECOND_LEVEL_FORMS: readonly SecondLevelForm[] = ["heading", "yishi", "diyi"];

/** Chinese names of the second-level forms, for menus and help text. */
export const SECOND_LEVEL_LABEL: Record<SecondLevelForm, string> = {
  heading: "（一）小标题",
  yishi: "一是、二是",
  diyi: "第一，第二，",
};

/** A count as a speech says it: 2 → 两 (「讲两点意见」), else 三 / 四 …. */
export function spokenCount(n: number): string {
  return n === 2 ? "两" : toCnNumeral(n);
}

/** Throws a RangeError with a Chinese message when the options are out of range. */
export function validateOptions(o: SkeletonOptions): void {
  if (!Number.isInteger(o.sections) || o.sections < SECTIONS_MIN || o.sections > SECTIONS_MAX) {
    throw new RangeError(`部分数应为 ${SECTIONS_MIN} 到 ${SECTIONS_MAX} 的整数，收到 ${String(o.sections)}`);
  }
  if (!Number.isInteger(o.subsections) || o.subsections < SUBSECTIONS_MIN || o.subsections > SUBSECTIONS_MAX) {
    throw new RangeError(`每部分的二级条目数应为 ${SUBSECTIONS_MIN} 到 ${SUBSECTIONS_MAX} 的整数，收到 ${String(o.subsections)}`);
  }
  if (!SECOND_LEVEL_FORMS.includes(o.secondLevel)) {
    throw new RangeError(`二级层次的形式只能是 heading（（一）小标题）、yishi（一是）或 diyi（第一，），收到「${String(o.secondLevel)}」`);
  }
}

/** What differs from one template to the next. */
interface TemplateSpec {
  name: string;
  profile: "speech" | "gongwen";
  description: string;
  defaults: SkeletonOptions;
  /** Title, 副题 / speaker lines, 称谓 or 主送机关, opening paragraphs: everything before the 过渡. */
  head: InsertParagraph[];
  /** The 过渡 sentence promising `n` sections (or announcing them without a count). */
  transition(n: number): string;
  /** Hints for the section headings, in order; later sections get a generic blank. */
  sectionHints?: string[];
  /** The closing paragraphs (and 落款). */
  tail: InsertParagraph[];
}

const body = (text: string): InsertParagraph => ({ role: "body", text });

/** The sections 一、… with their second level, in the chosen form. */
function sections(spec: TemplateSpec, o: SkeletonOptions): InsertParagraph[] {
  const out: InsertParagraph[] = [];
  for (let s = 1; s <= o.sections; s++) {
    const hint = spec.sectionHints?.[s - 1] ?? `第${toCnNumeral(s)}部分标题`;
    out.push({ role: "level1", text: `${toCnNumeral(s)}、〔${hint}〕` });
    if (o.subsections === 0) {
      out.push(body("〔正文〕"));
      continue;
    }
    switch (o.secondLevel) {
      case "heading":
        for (let k = 1; k <= o.subsections; k++) {
          out.push({ role: "level2", text: `（${toCnNumeral(k)}）〔小标题〕` });
          out.push(body("〔正文〕"));
        }
        break;
      case "yishi": {
        const items: string[] = [];
        for (let k = 1; k <= o.subsections; k++) items.push(`${toCnNumeral(k)}是〔……〕`);
        out.push(body(items.join("；") + "。"));
        break;
      }
      case "diyi":
        for (let k = 1; k <= o.subsections; k++) out.push(body(`第${toCnNumeral(k)}，〔……〕。`));
        break;
    }
  }
  return out;
}

function makeTemplate(spec: TemplateSpec): Template {
  return {
    name: spec.name,
    profile: spec.profile,
    description: spec.description,
    defaults: { ...spec.defaults },
    build(options: SkeletonOptions): InsertParagraph[] {
      validateOptions(options);
      return [
        ...spec.head.map((p) => ({ ...p })),
        body(spec.transition(options.sections)),
        ...sections(spec, options),
        ...spec.tail.map((p) => ({ ...p })),
      ];
    },
  };
}

const SPEECH_DEFAULTS: SkeletonOptions = { sections: 3, subsections: 3, secondLevel: "heading" };
const GONGWEN_DEFAULTS: SkeletonOptions = { sections: 3, subsections: 0, secondLevel: "heading" };

/** The 落款 of a 公文: 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5). */
const SIGNATURE: InsertParagraph[] = [
  { role: "signature", text: "〔发文机关署名〕" },
  { role: "signature", text: "〔成文日期〕" },
];

const SPECS: TemplateSpec[] = [
  {
    name: "工作会议讲话",
    profile: "speech",
    description: "领导在工作会议上的讲话：肯定成绩、分析形势、部署任务、提出要求",
    defaults: SPEECH_DEFAULTS,
    head: [
      { role: "title", text: "在〔会议名称〕上的讲话" },
      { role: "salutation", text: "同志们：" },
      body("今天，我们召开〔会议名称〕，主要任务是〔会议任务〕。刚才，〔有关同志〕通报了〔有关情况〕，讲得很好，我都同意。"),
    ],
    transition: (n) => `下面，我讲${spokenCount(n)}点意见。`,
    tail: [{ role: "closing", text: "同志们，〔结束语：提出希望和要求〕！" }],
  },
  {
    name: "动员部署会讲话",
    profile: "speech",
    description: "启动一项工作时的动员部署讲话：讲清意义、明确任务、压实责任",
    defaults: SPEECH_DEFAULTS,
    head: [
      { role: "title", text: "在〔工作名称〕动员部署会上的讲话" },
      { role: "salutation", text: "同志们：" },
      body("今天召开这次会议，主要是贯彻落实〔上级部署〕，对〔工作名称〕进行动员部署。"),
    ],
    transition: (n) => `下面，我就做好〔工作名称〕讲${spokenCount(n)}点意见。`,
    sectionHints: ["提高思想认识", "明确目标任务", "突出工作重点", "强化组织保障"],
    tail: [
      {
        role: "closing",
        text: "同志们，〔工作名称〕任务艰巨、责任重大。让我们〔号召：统一思想、真抓实干〕，确保〔工作目标〕如期实现！",
      },
    ],
  },
  {
    name: "总结表彰大会讲话",
    profile: "speech",
    description: "总结表彰大会上的讲话：回顾成绩、表彰先进、弘扬精神、部署下一步",
    defaults: SPEECH_DEFAULTS,
    head: [
      { role: "title", text: "在〔会议名称〕上的讲话" },
      { role: "salutation", text: "同志们、朋友们：" },
      body(
        "今天，我们隆重召开〔会议名称〕，总结〔年度或阶段〕的工作，表彰〔先进集体和先进个人〕。在此，我代表〔单位名称〕，向受到表彰的先进集体和先进个人表示热烈的祝贺！",
      ),
    ],
    transition: (n) => `下面，我讲${spokenCount(n)}点意见。`,
    sectionHints: ["充分肯定取得的成绩", "大力弘扬先进精神", "扎实做好下一步工作"],
    tail: [{ role: "closing", text: "同志们，〔结束语：号召向先进学习、再创佳绩〕！" }],
  },
  {
    name: "培训班开班讲话",
    profile: "speech",
    description: "培训班开班式上的讲话：讲清办班目的、提出学习要求、严明纪律",
    defaults: SPEECH_DEFAULTS,
    head: [
      { role: "title", text: "在〔培训班名称〕开班式上的讲话" },
      { role: "salutation", text: "同志们：" },
      body("今天，〔培训班名称〕正式开班了。首先，我代表〔单位名称〕，对参加培训的同志们表示热烈的欢迎！这次培训〔办班目的和安排〕。"),
    ],
    transition: (n) => `借此机会，我讲${spokenCount(n)}点意见，与大家共勉。`,
    sectionHints: ["充分认识培训的重要意义", "端正学习态度", "严守培训纪律"],
    tail: [{ role: "closing", text: "同志们，〔结束语：预祝培训班圆满成功〕！" }],
  },
  {
    name: "座谈会讲话",
    profile: "speech",
    description: "座谈会上的讲话：回应发言、谈认识体会、提出希望",
    defaults: { sections: 3, subsections: 0, secondLevel: "heading" },
    head: [
      { role: "title", text: "在〔座谈会名称〕上的讲话" },
      { role: "salutation", text: "同志们、朋友们：" },
      body("今天，我们召开〔座谈会名称〕，〔座谈主题〕。刚才，〔发言的同志〕作了很好的发言，〔对发言的评价〕，听了很受启发。"),
    ],
    transition: (n) => `下面，我谈${spokenCount(n)}点体会。`,
    tail: [{ role: "closing", text: "同志们，〔结束语：表达希望和祝愿〕。" }],
  },
  {
    name: "述职报告",
    profile: "speech",
    description: "个人述职（述职述廉）报告：履职情况、存在不足、下步打算",
    defaults: { sections: 4, subsections: 0, secondLevel: "heading" },
    head: [
      { role: "title", text: "〔年度〕述职报告" },
      { role: "subtitle", text: "〔单位及职务〕〔姓名〕" },
      { role: "salutation", text: "各位领导、同志们：" },
      body("〔年度〕，在〔上级党组织〕的坚强领导下，我认真履行〔岗位职责〕，较好地完成了各项工作任务。"),
    ],
    transition: (n) => `下面，我从${spokenCount(n)}个方面汇报履职情况。`,
    sectionHints: ["加强学习，提高政治素质", "履职尽责，推动工作落实", "廉洁自律，严守纪律规矩", "存在的不足和下步打算"],
    tail: [{ role: "closing", text: "以上报告，请各位领导和同志们评议。" }],
  },
  {
    name: "通知",
    profile: "gongwen",
    description: "发布、传达要求下级机关执行和有关单位周知或执行的事项（GB/T 9704-2012）",
    defaults: GONGWEN_DEFAULTS,
    head: [
      { role: "title", text: "关于〔事项〕的通知" },
      { role: "salutation", text: "〔主送机关〕：" },
      body("为〔工作目的〕，根据〔文件依据〕，经〔机关名称〕研究，决定〔开展的工作〕。"),
    ],
    transition: () => "现将有关事项通知如下：",
    sectionHints: ["目标任务", "工作安排", "有关要求"],
    tail: [body("特此通知。"), ...SIGNATURE],
  },
  {
    name: "请示",
    profile: "gongwen",
    description: "向上级机关请求指示、批准，一文一事（GB/T 9704-2012）",
    defaults: GONGWEN_DEFAULTS,
    head: [
      { role: "title", text: "关于〔事项〕的请示" },
      { role: "salutation", text: "〔主送机关〕：" },
      body("〔请示的缘由和依据〕。"),
    ],
    transition: () => "现将有关事项请示如下：",
    sectionHints: ["基本情况", "请示事项", "理由和措施"],
    tail: [body("妥否，请批示。"), ...SIGNATURE, body("（联系人：〔姓名〕，联系电话：〔电话号码〕）")],
  },
];

export const TEMPLATES: Template[] = SPECS.map(makeTemplate);

/** The template with this name (exact), or undefined. */
export function templateByName(name: string): Template | undefined {
  const n = name.trim();
  return TEMPLATES.find((t) => t.name === n);
}
