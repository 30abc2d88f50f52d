/**
 * False positives are as bad as misses: the traps of rules-catalog.md §7 and the issue, checked
 * through the whole default check (every rule, both profiles). None of these may give an error.
 */
import { check } from "../../src/core/engine";
import { docFromText } from "../../src/core/model";
import { resolveProfile } from "../../src/core/profiles";

const speech = resolveProfile("speech");
const gongwen = resolveProfile("gongwen");

function errorsOf(text: string, profile = speech) {
  return check(docFromText(text), { profile })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule}: ${f.excerpt} — ${f.message}`);
}

const TRAPS: Array<[string, string]> = [
  ["a ratio", "同志们：\n按照1:5的比例配备工作人员。"],
  ["a percentage with a decimal", "同志们：\n全年增长3.5%，高于预期。"],
  ["a time of day", "同志们：\n会议于17:00结束，请按时参加。"],
  ["a URL and an e-mail address", "同志们：\n详见https://www.gov.cn/zhengce/index.htm，或发邮件至office@example.gov.cn。"],
  ["an anonymised name", "同志们：\n王某某同志因工作调动，不再担任办公室主任。"],
  ["a template name shown in instructions", "同志们：\n应聘书的题目为《×××应聘×××××的应聘书》，例：《张三应聘办公室文秘的应聘书》。"],
  [
    "continuous （一）…（十二） numbering through the sections",
    [
      "关于做好年度重点工作的通知",
      "一、总体要求",
      "（一）指导思想",
      "（二）工作目标",
      "二、主要任务",
      "（三）加强学习",
      "（四）改进作风",
      "（五）狠抓落实",
      "三、保障措施",
      "（六）加强领导",
      "（七）强化督查",
    ].join("\n"),
  ],
  [
    "full-sentence headings ending in 。",
    ["同志们：", "下面，我讲两点意见。", "一、要充分认识做好办公室工作的重要意义。", "办公室是党委政府的参谋部。", "二、要切实加强办公室队伍建设。", "队伍建设是根本。"].join("\n"),
  ],
  ["Arabic digits in a promised count", "同志们：\n下面，我讲3点意见。\n一、统一思想\n二、明确任务\n三、狠抓落实"],
  ["a decimal list marker and money", "同志们：\n1.经费预算为12.5万元。\n2.完成时限为6月底。"],
  ["a Latin product name with brackets", "同志们：\n请在Word (docx)格式下提交材料。"],
  ["an ordinary 一、二年级 enumeration", "同志们：\n全区一、二年级学生参加了活动。"],
  ["a legitimate reduplication", "同志们：\n我们要常常想一想，天天抓落实，人人有责任。"],
  ["a document number in the right form", "同志们：\n根据《关于加强机关作风建设的意见》（市办发〔2024〕5号）精神，制定本方案。"],
  ["a multi-paragraph quotation", "同志们：\n他说：“第一段引文。\n“第二段引文。”"],
];

describe("no false alarms on the known traps", () => {
  it.each(TRAPS)("%s", (_name, text) => {
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text, gongwen)).toEqual([]);
  });
});

// ---- speech structure and promised counts (issue #8): speech-count, speech-salutation ----
// These rules' exemptions must keep them silent at every severity, not only free of errors.
const SPEECH_TRAPS: Array<[string, string]> = [
  ["a promise whose items are 一是…二是…三是 in its own paragraph", "同志们：\n今年要抓好三项工作：一是稳增长，二是促改革，三是惠民生。下面我讲两点意见。\n一、统一思想\n二、狠抓落实"],
  ["a promise with its items listed inline", "同志们：\n今年要抓好三项工作：教育、医疗和住房。\n一、统一思想\n二、狠抓落实"],
  ["quoted slogans are names, not promises", "同志们：\n要深刻领悟“两个确立”的决定性意义，增强“四个意识”，坚决做到“两个维护”。\n一、甲\n二、乙\n三、丙"],
  ["a count inside someone's quoted words", "同志们：\n他强调：“要抓好三项工作。”\n一、甲\n二、乙"],
  ["a count in a book title", "同志们：\n要认真学习《关于做好三项工作的意见》。\n一、甲\n二、乙"],
  ["past work: 三个方面的成绩", "同志们：\n过去一年，我们取得了三个方面的成绩。\n一、甲\n二、乙"],
  ["someone else's speech: 刚才，张书记从三个方面…", "同志们：\n刚才，张书记从三个方面作了重要讲话，讲得很好。下面，我讲两点意见。\n一、甲\n二、乙"],
  ["the higher level's demands: 省委提出三点要求", "同志们：\n省委提出三点要求，我们要认真贯彻。\n一、甲\n二、乙"],
  ["宣讲 is not 讲", "同志们：\n组织宣讲三个方面的内容。\n一、甲\n二、乙"],
  ["三严三实 names six things", "同志们：\n要践行“三严三实”。\n一是严以修身。\n二是严以用权。"],
  ["first-level items as paragraphs opening with 第一，", "同志们：\n我讲三点意见。\n第一，统一思想。\n第二，明确任务。\n第三，狠抓落实。"],
  ["a lone 首先 (thanks) after the promise is no list", "同志们：\n下面，我讲三点意见。\n首先，我代表市委向大家表示感谢。\n一、甲\n二、乙\n三、丙"],
  ["谈几点体会 followed by several sections", "同志们：\n下面，我谈几点体会。\n一、甲\n二、乙\n三、丙"],
  ["stacked 称谓 lines, the last with the colon", "尊敬的张书记，\n尊敬的各位领导，\n女士们、先生们：\n大家好！"],
  ["a notice about a speech is no speech", "关于认真学习贯彻书记重要讲话精神的通知\n各单位：\n现将有关事项通知如下。"],
  ["a work summary with no speech markers", "2024年工作总结\n今年以来，我局认真落实各项工作。\n一、主要成绩\n二、存在问题"],
  ["a published excerpt of a speech", "在全市工作会议上的讲话（摘要）\n今天召开会议，部署工作。"],
  ["title, subtitle, date and speaker before the 称谓", "决胜全面建成小康社会\n——在第十九次全国代表大会上的报告\n（2017年10月18日）\n习　近　平\n同志们：\n现在，我代表中央委员会向大会作报告。"],
  ["a later 同志们， opening a paragraph", "在全区工作会议上的讲话\n各位领导：\n今天召开会议，主要任务是部署工作。\n同志们，任务艰巨。"],
];

describe("speech structure traps: speech-count and speech-salutation stay silent", () => {
  it.each(SPEECH_TRAPS)("%s", (_name, text) => {
    for (const profile of [speech, gongwen]) {
      const mine = check(docFromText(text), { profile })
        .filter((f) => f.rule === "speech-count" || f.rule === "speech-salutation")
        .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt}`);
      expect(mine).toEqual([]);
    }
  });
});

// ---- Issue #8 (dashes, ranges, ellipses, other punctuation): the exemptions of punctuation-form,
// punctuation-repeat, punctuation-halfwidth and punctuation-pair. Besides no error from any rule,
// these four rules give nothing above a hint (info) here.
const FORM_RULES = ["punctuation-form", "punctuation-repeat", "punctuation-halfwidth", "punctuation-pair"];
const FORM_TRAPS: Array<[string, string]> = [
  ["a textbook volume, standard numbers and codes", "同志们：\n学习《必修3-2》，依据GB/T 9704-2012、GB/T9704-2012和ISO 9001，抗击COVID-19疫情，配备WZ-10直升机，住3-2-11室。"],
  ["a phone number with a 短横线", "同志们：\n联系电话：010-66668888，0571-88886666。"],
  ["an all-digit date (a date-format matter)", "同志们：\n发文日期为2024-03-05，请核对。"],
  ["times of day joined by a hyphen", "同志们：\n会议于8:00-12:00举行。"],
  ["a span of years with the 一字线", "同志们：\n沈括（1031—1095）是北宋人。2020—2025年，2011年2月3日—10日，第679页。"],
  ["ranges with the 浪纹线, also for years", "同志们：\n会期3～5天，第五～八课，25～30g，2020～2025年。"],
  ["a chain of 一字线", "同志们：\n实行“立项—检查—反馈—再检查”的工作程序。"],
  ["a connection between two names (a hint at most)", "同志们：\n推进中国—东盟自贸区建设，打造中国－东盟自贸区升级版，北京-上海特快。"],
  ["a ——lead line and a right 省略号", "同志们：\n——我们要推动经济发展再上新台阶。\n学习、工作、生活……都要抓好。"],
  ["a question or exclamation mark after ……", "同志们：\n这能行吗……？一定能行……！"],
  ["a Western full stop in numbers, markers, URLs, abbreviations and English", "同志们：\n1.经费预算为12.5万元，详见第3.2节。\n访问www.gov.cn查询，会议在a.m.举行。The U.S. economy grew."],
  ["a 间隔号 and two middle dots", "同志们：\n开展“3·15”活动，这里有两个··点。"],
  ["bracketed 序次语 inside a bracket, and brackets of different forms", "同志们：\n分两步（（1）摸底；（2）整改）推进，根据（市办发〔2024〕5号）执行。"],
  ["a separator line of hyphens", "同志们：\n----------\n会议结束。"],
];

describe("no false alarms on the issue #8 punctuation traps", () => {
  it.each(FORM_TRAPS)("%s", (_name, text) => {
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text, gongwen)).toEqual([]);
    const loud = check(docFromText(text), { profile: speech })
      .filter((f) => FORM_RULES.includes(f.rule) && f.severity !== "info")
      .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt} — ${f.message}`);
    expect(loud).toEqual([]);
  });
});

// ---- Issue #8 (stray whitespace and scraping debris): the exemptions of whitespace and garbled.
// Besides no error from any rule, these two rules give nothing at all here.
const SPACE_RULES = ["whitespace", "garbled"];
const SPACE_TRAPS: Array<[string, string]> = [
  ["Latin words, codes and digits keep their spaces", "同志们：\n通过ISO 9001认证，执行GB/T 9704-2012标准，升级到Windows 10 系统，推进 5G 网络建设。"],
  ["digit groups with spaces (GB/T 15835)", "同志们：\n全年收入1 000 000元以上。"],
  ["a URL and an e-mail address beside spaces", "同志们：\n详见http://www.gov.cn/zhengce 与 abc@gov.cn 的说明。"],
  ["leading indentation and a trailing space", "同志们：\n　　现在，我代表国务院，向大会报告政府工作。 "],
  ["a title broken by a space, and the author line", "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗\n习　近　平\n同志们：\n现在，我代表第十九届中央委员会向大会作报告。"],
  ["signature lines, a padded two-character name, signature and date", "同志们：\n会议到此结束。\n国务院总理　李克强\n国务院总理　李　强\n某某市人民政府 2024年3月15日"],
  ["a letter-spaced 落款 and a letter-spaced short title", "会 议 纪 要\n同志们：\n会议到此结束。\n某 某 市 人 民 政 府"],
  ["table-like lines and a contact line", "同志们：\n请填写下表。\n姓名  职务  电话\n联系人：张三　　联系电话：010-12345678"],
  ["article and chapter headings of a regulation", "同志们：\n第三章　公文格式\n第一条　为了规范公文处理工作，制定本条例。"],
  ["a label spaced to align, names after a colon, subject words", "同志们：\n抄　送：市委办公室，市人大常委会办公室。\n出席：张三 李四 王五。\n主题词：经济管理　计划　通知。"],
  ["a file name with a space, quotes in English, a time, a phone number", "同志们：\n请填写附件工作 总结表.docx，按时报送。The motto “Serve the People” is known. 请于3月15日 17:00前报送，如有疑问请拨打 13800138000 咨询。"],
  ["a note whose text is present, a reference list, 序号 ①", "同志们：\n推进数字化转型[2]。主要有三项：①加强领导；②完善制度。\n[1] 张三：《基层治理研究》，2020年。\n[2] 参见《数字中国建设整体布局规划》。"],
  ["questions with short answers", "同志们：\n是谁？是我。怎么办？我们要坚持改革开放。对不对？对。"],
  ["title, salutation, heading and a lead-in ending with a colon", "在全市经济工作会议上的讲话\n同志们：\n一、总体要求\n今年要重点做好以下几个方面的工作，主要包括：\n加强组织领导，压实工作责任。"],
  ["boilerplate words quoted as an example", "同志们：\n有的图纸注明“仅供参考”，都不能作为施工的依据。"],
  ["unpunctuated list items are not a broken paragraph", "同志们：\n加强组织领导，明确责任分工，确保各项工作落到实处\n强化督促检查，及时发现问题，推动整改落实到位"],
  ["table and attachment captions, a blank left to fill in", "同志们：\n表1　2024年主要经济指标\n附件2 某某市安全生产管理办法\n请于        日前报送材料，逾期不候。"],
];

describe("no false alarms on the issue #8 whitespace and garbled traps", () => {
  it.each(SPACE_TRAPS)("%s", (_name, text) => {
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text, gongwen)).toEqual([]);
    for (const profile of [speech, gongwen]) {
      const loud = check(docFromText(text), { profile })
        .filter((f) => SPACE_RULES.includes(f.rule))
        .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt} — ${f.message}`);
      expect(loud).toEqual([]);
    }
  });
});

/* ---- Issue #8 (markers, heading end punctuation, hierarchy): every exemption of the numbering rules. ---- */
const NUMBERING_RULES = new Set(["numbering-marker", "numbering-hierarchy", "numbering-sequence", "heading-punctuation"]);

function numberingFindings(text: string, profile = speech) {
  return check(docFromText(text), { profile })
    .filter((f) => NUMBERING_RULES.has(f.rule))
    .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt} — ${f.message}`);
}

const NUMBERING_TRAPS: Array<[string, string]> = [
  ["a list of ordinals 第一、第二、第三产业", "同志们：\n要调整第一、第二、第三产业的结构。"],
  ["an enumeration inside a paragraph after 如下：", "同志们：\n各类收入的情况如下：（一）税收共收到十亿元。（二）企业收入五亿元。（三）其他收入一亿元。"],
  ["a list of section numbers 2.1、2.2", "同志们：\n2.1、2.2节另行规定。"],
  ["scraped thousands with spaces", "同志们：\n1 , 000元已拨付到位。"],
  ["a § reference mid-sentence", "同志们：\n参见该法§2.3的规定。"],
  [
    "government work report: sibling headings all full sentences ending in 。",
    "同志们：\n（一）推动重要领域改革取得新突破。\n改革是最大的红利。\n（二）开创高水平对外开放新局面。\n开放也是改革。\n（三）增强内需拉动经济的主引擎作用。\n扩大内需。",
  ],
  ["most sibling headings end in 。", "同志们：\n一、甲\n（一）推动改革取得新突破。\n（二）扩大对外开放。\n（三）增强内需"],
  ["a list written as sentences: items end in ； and the last in 。", "同志们：\n1.坚持党的领导\n2.坚持依法行政，提高效率；\n3.坚持从严治党。"],
  ["1. 2. （1）（2） 3.: the 3. goes on with its own numbering", "同志们：\n（一）甲\n1.a\n2.b\n（1）c\n（2）d\n3.e"],
  ["a single 1. before 一、 sections is not an inverted hierarchy", "同志们：\n1.总体安排\n一、甲\n二、乙"],
  ["an 一是 chain restarted in a new paragraph is not nested", "同志们：\n一是加强学习，二是注重实践。\n一是读书，二是看报，三是写作。"],
];

describe("issue #8: no numbering findings on the exemptions", () => {
  it.each(NUMBERING_TRAPS)("%s", (_name, text) => {
    expect(numberingFindings(text)).toEqual([]);
    expect(numberingFindings(text, gongwen)).toEqual([]);
  });
  it("a space after a circled note number is not an error", () => {
    expect(errorsOf("同志们：\n要学习。\n① 列宁：《国家与革命》。")).toEqual([]);
  });
});

// ---- numbers, dates and 发文字号 (number-format, date-format, docno-format; issues #8, #9) ----
// These rules mostly warn, so the traps assert no finding of any severity from them.
const NUMBER_RULES = new Set(["number-format", "date-format", "docno-format"]);
function numberFindingsOf(text: string, profile = speech) {
  return check(docFromText(text), { profile })
    .filter((f) => NUMBER_RULES.has(f.rule))
    .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt} — ${f.message}`);
}
const NUMBER_TRAPS: Array<[string, string]> = [
  ["a law's order number 主席令第12号", "同志们：\n中华人民共和国主席令第12号公布了这部法律。"],
  ["国务院令第588号 is the right form for a 令", "同志们：\n根据国务院令第588号的规定。"],
  ["a numbered announcement 2024年第3号公告", "同志们：\n国家税务总局2024年第3号公告明确了有关政策。"],
  ["a year in brackets after a title", "同志们：\n《政府工作报告》（2016年）提出了明确要求。"],
  ["a reference with [2016]", "同志们：\n参见王某.公文写作研究[2016].北京：人民出版社。"],
  ["a court case number", "同志们：\n民事判决书（2016）京0105民初12号已经生效。"],
  ["a year in round brackets after a word that is no 代字", "同志们：\n卷宗（2023）第15号已归档，今年（2024）第3号台风登陆。"],
  ["decades 20年代 / 90年代", "同志们：\n上世纪20年代，90年代末期，80年代初。"],
  ["durations 5年 / 10年来 / 30年 / 70年来", "同志们：\n近5年来，10年来，土地承包期再延长30年，新中国成立70年来，两年内完成。"],
  ["a span of years before 底线 / 初心", "同志们：\n坚守20年底线不动摇，30年初心不改。"],
  ["ISO 9001 and a standard number", "同志们：\n通过ISO 9001认证，执行GB/T 15835-2011标准。"],
  ["the all-numeric date form of GB/T 15835", "同志们：\n数据更新至2024-03-05。"],
  ["a sentence ending in a number before a year", "同志们：\n城镇化率提高到65。2024年，经济平稳增长。"],
  ["a list marker followed by a year", "同志们：\n1. 2024年工作回顾"],
  ["a letter-spaced code", "同志们：\n编号为 A 1 2 3 的设备。"],
];

describe("no false alarms from the number, date and 文号 rules", () => {
  it.each(NUMBER_TRAPS)("%s", (_name, text) => {
    expect(numberFindingsOf(text)).toEqual([]);
    expect(numberFindingsOf(text, gongwen)).toEqual([]);
  });
});

// ---- Issue #10 (curated wrong words, 的/地/得, doubled words, letters in numbers): every exemption
// of the `typo` rule. Besides no error from any rule, `typo` gives nothing at all here.
function typoFindingsOf(text: string, profile = speech) {
  return check(docFromText(text), { profile })
    .filter((f) => f.rule === "typo")
    .map((f) => `typo/${f.messageId}: ${f.excerpt} — ${f.message}`);
}
const TYPO_TRAPS: Array<[string, string]> = [
  ["names of people and places", "同志们：\n王建国、李秀英、欧阳修、诸葛亮同志到乌兰察布、呼和浩特、涪陵、亳州、濮阳、郴州、儋州调研。"],
  ["的 in 目的地 / 的确 / 有的放矢, 地 in 地方", "同志们：\n到达目的地后，的确要有的放矢，地方政府要的的确确负起责任。"],
  ["quotations of old texts", "同志们：\n“民惟邦本，本固邦宁。”“苟日新，日日新，又日新。”“先天下之忧而忧，后天下之乐而乐。”“知之为知之，不知为不知，是知也。”"],
  ["截止日期 / 截止时间 / 截止到 / 截至 + date", "同志们：\n申报截止日期为3月5日，截止时间为17时，截止到目前已有百人报名，截至2024年底完成投资。"],
  ["账号 / 帐篷 / 蚊帐 / 搬入帐篷", "同志们：\n核对银行账号，调运帐篷和蚊帐，灾民已搬入帐篷。"],
  ["two words meeting: 解决择校 / 攻坚难点 / 挖掘起来 / 传导至", "同志们：\n推动解决择校问题，啃下攻坚难点，把潜力挖掘起来，把压力传导至基层。"],
  ["two words meeting: 专家俱乐部 / 一贯切实 / 来自已建成 / 这座落成", "同志们：\n成立专家俱乐部，一贯切实履职，数据来自已建成的平台，这座落成于1950年的大楼。"],
  ["two words meeting: 个人材料 / 月份内 / 股份量化 / 超过份额 / 这份内容", "同志们：\n提交个人材料，三个月份内完成，推进股份量化，不得超过份额，这份内容要保密。"],
  ["two words meeting: 确保母婴 / 保留连续 / 绿色采购 / 毕竟技术 / 究竟标准", "同志们：\n确保母婴安全，保留连续工龄，推行绿色采购，毕竟技术是关键，究竟标准是什么。"],
  ["two words meeting: 研究竞争力 / 自觉查找 / 巩固疾控 / 领导至少 / 习惯彻底", "同志们：\n研究竞争力问题，自觉查找差距，巩固疾控体系，各级领导至少要联系一个村，把坏习惯彻底改掉。"],
  ["two words meeting: 承担误工费 / 协调济南 / 书记念 / 形势严峻工作 / 避免强制", "同志们：\n由对方承担误工费，协调济南市有关部门，王书记念了一段话，面对严峻工作形势，避免强制摊派。"],
  ["实事求是是 / 研究研究 / 一个一个 / 加强，加强", "同志们：\n实事求是是党的思想路线，这件事要研究研究，问题一个一个解决，加强，加强，再加强。"],
  ["nominal 的: 认真的态度 / 得到有效的解决 / 诉求合理的解决到位", "同志们：\n要有认真的态度，问题得到了有效的解决，对此要进行认真的研究，做到诉求合理的解决到位。"],
  ["nominal 的 before 很: 我们做的很多工作 / 他说的很对", "同志们：\n这是我们做的很多工作之一，他说的很对，目的很明确。"],
  ["Latin and digits: 5G / COVID-19 / Windows10 / 1T / F1 / A1 / O2O / PM10", "同志们：\n推进5G建设，抗击COVID-19，升级Windows10，1T硬盘，F1赛车，A1纸，O2O模式，PM10浓度。"],
  ["a file name and a web address with look-alike letters", "同志们：\n见附件2O.docx和http://a.gov.cn/2O/page。"],
];

describe("issue #10: the typo rule stays silent on its exemptions", () => {
  it.each(TYPO_TRAPS)("%s", (_name, text) => {
    expect(errorsOf(text)).toEqual([]);
    expect(typoFindingsOf(text)).toEqual([]);
    expect(typoFindingsOf(text, gongwen)).toEqual([]);
  });
});

// ---- Issue #13 (run-in headings, format-font): the heading sentence of 「一是……。」 is a heading
// only for 一键排版; a draft that keeps it in the body font (GB/T 9704 does not count 一是 among the
// 序次语) is not wrong, nor is a 一是 list inside body text.
function fontFindingsOf(lines: Array<[string, string]>, profile = speech) {
  const doc = docFromText(lines.map(([t]) => t).join("\n"));
  const formatted = {
    ...doc,
    hasFormatting: true,
    paragraphs: doc.paragraphs.map((p, i) => ({
      ...p,
      runs: [{ text: p.text, start: 0, end: p.text.length, fontEastAsia: lines[i][1], sizePt: lines[i][1] === "方正小标宋简体" ? 22 : 16 }],
    })),
  };
  return check(formatted, { profile })
    .filter((f) => f.rule === "format-font")
    .map((f) => `${f.paragraph}: ${f.message}`);
}
const RUN_IN_FONT_TRAPS: Array<[string, Array<[string, string]>]> = [
  [
    "一是 heading sentences left in 仿宋 with the body",
    [
      ["在全市办公室工作会议上的讲话", "方正小标宋简体"],
      ["同志们：", "仿宋_GB2312"],
      ["一、认清形势", "黑体"],
      ["一是精神风貌好。我作为局长，几乎每天都在接受办公室的服务。", "仿宋_GB2312"],
      ["二是工作风气正。办公室的工作能否做好，关键是作风。", "仿宋_GB2312"],
    ],
  ],
  [
    "a 一是…；二是… list inside a body paragraph, and 一是 after a lead-in",
    [
      ["一、总体要求", "黑体"],
      ["一是加强学习；二是狠抓落实。", "仿宋_GB2312"],
      ["我们要做到两点：一是加强学习。二是狠抓落实。", "仿宋_GB2312"],
    ],
  ],
];

describe("issue #13: format-font stays silent on 一是 paragraphs in the body font", () => {
  it.each(RUN_IN_FONT_TRAPS)("%s", (_name, lines) => {
    expect(fontFindingsOf(lines)).toEqual([]);
    expect(fontFindingsOf(lines, gongwen)).toEqual([]);
  });
});

// ---- Issue #10 (the statistical spelling check, rule `spelling`, with the real model loaded):
// its exemptions — names, 的/地 words, 截止日期, 账号/帐篷, classical quotations and slogans on the
// protect list, numerals and the character after a number, words of the user dictionary. No typo
// finding of any severity from any typo rule here.
import { readFileSync as readSpellFile } from "fs";
import { join as joinSpellPath } from "path";
import { decodeSpellModel } from "../../src/core/spell/model";

const spellModel = decodeSpellModel(new Uint8Array(readSpellFile(joinSpellPath(__dirname, "../../assets/spell/spell.bin"))));

function spellFindingsOf(text: string, config?: Parameters<typeof resolveProfile>[1]) {
  return check(docFromText(text), { profile: resolveProfile("speech", config), spellModel })
    .filter((f) => f.category === "typo")
    .map((f) => `${f.rule}/${f.messageId}: ${f.excerpt} — ${f.message}`);
}

const SPELLING_TRAPS: Array<[string, string, Parameters<typeof resolveProfile>[1]?]> = [
  ["names of people and places", "同志们：\n市长张卫东、副市长李红梅出席会议。乌兰察布市、锡林郭勒盟的同志参加。"],
  ["的确, 目的地, 地方", "同志们：\n这项工作的确取得了明显成效，游客到达目的地后，地方各级要做好服务。"],
  ["截止日期, 账号, 帐篷", "同志们：\n报名截止日期为3月5日，请妥善保管账号，救灾帐篷已运抵灾区。"],
  ["classical quotations on the protect list", "同志们：\n民惟邦本，本固邦宁。百舸争流，奋楫者先。大道之行，天下为公。"],
  ["numerals and the count word after them", "同志们：\n党的十八大以来，粮食产量实现“九连增”，“十三五”规划顺利完成。"],
  ["a term of the user dictionary", "同志们：\n大力培育发展大数局产业。", { words: ["大数局"] }],
  [
    "terms of current government prose on the protect list (至上, 降至, 之问, 铸魂, 时限, 订单)",
    "同志们：\n坚持人民至上、生命至上，税率从17%降至13%。回答好中国之问、时代之问，用社会主义核心价值观铸魂育人。明确办理时限，帮助企业稳订单。",
  ],
  // issue #10, real speeches: short quotations in “…”, place names, enumerations of like-built items
  ["a verse quoted in “…” (flagged without the marks)", "同志们：\n古人讲“咬定青山不放松，立根原在破岩中”，干事创业要有定力。"],
  ["a place name before 村 (flagged without it)", "同志们：\n上个月在黎家坪村调研，看到了新变化。"],
  ["an enumeration 心勤、嘴勤、眼勤 (心勤 alone is flagged)", "同志们：\n办公室工作要做到心勤、嘴勤、眼勤、手勤。"],
];

describe("issue #10: the spelling check stays silent on its exemptions", () => {
  // (a rest parameter: with three named parameters and two-element rows jest would wait for `done`)
  it.each(SPELLING_TRAPS)("%s", (...[, text, config]) => {
    expect(spellFindingsOf(text, config)).toEqual([]);
  });
  it("the model is really in use (the same sentence without the user word is flagged)", () => {
    expect(spellFindingsOf("同志们：\n大力培育发展大数局产业。").length).toBe(1);
  });
});

// ---------------------------------------------------------------------------
// Issue #13: the 公文 elements. format-paragraph and format-font stay quiet on lines that only look
// like an element, on a 落款 placed by hand, and on the speaker and date lines under a speech title.
import { makeDoc as makeElementDoc, type ParaSpec as ElementParaSpec } from "../helpers/docBuilder";

const ELEMENT_FS = { fontEastAsia: "仿宋_GB2312", sizePt: 16 };
const elementBody = (text: string, more: Partial<ElementParaSpec> = {}): ElementParaSpec => ({
  text,
  font: ELEMENT_FS,
  firstLineIndentChars: 2,
  lineSpacing: { rule: "exact", value: 28.95 },
  alignment: "justify",
  ...more,
});
const elementTitle = (text: string): ElementParaSpec => ({ ...elementBody(text), alignment: "center", firstLineIndentChars: 0, font: { fontEastAsia: "方正小标宋简体", sizePt: 22 } });

const ELEMENT_TRAPS: Array<[string, ElementParaSpec[], typeof speech]> = [
  [
    "body sentences that mention 抄送 and 附件 are body text",
    [elementTitle("关于做好统计工作的通知"), elementBody("请于5月底前将情况抄送市统计局。"), elementBody("附件中的表格请各单位认真填写。"), elementBody("抄送：本通知同时发给各统计站。")],
    gongwen,
  ],
  [
    "a 落款 pushed right with full-width spaces",
    [
      elementTitle("关于做好统计工作的通知"),
      elementBody("请认真执行。"),
      elementBody("　　　　　　　　　　　　某某县统计局", { firstLineIndentChars: 0 }),
      elementBody("　　　　　　　　　　　　2024年5月10日", { firstLineIndentChars: 0 }),
    ],
    gongwen,
  ],
  [
    "the speaker and date lines under a speech title",
    [
      elementTitle("在全市统计工作会议上的讲话"),
      { ...elementBody("张　三"), alignment: "center", firstLineIndentChars: 0, font: { fontEastAsia: "楷体_GB2312", sizePt: 16 } },
      { ...elementBody("（2024年5月10日）"), alignment: "center", firstLineIndentChars: 0, font: { fontEastAsia: "楷体_GB2312", sizePt: 16 } },
      { ...elementBody("同志们："), firstLineIndentChars: 0, alignment: "left" },
      elementBody("今天召开会议。"),
    ],
    speech,
  ],
  [
    "an 附注 and an 附件说明 set with a hanging indent",
    [
      elementTitle("关于做好统计工作的通知"),
      elementBody("请认真执行。"),
      elementBody("附件：1.统计表", { firstLineIndentChars: -4 }),
      elementBody("2.填报说明", { firstLineIndentChars: -1 }),
      elementBody("某某县统计局", { alignment: "right", firstLineIndentChars: 0 }),
      elementBody("2024年5月10日", { alignment: "right", firstLineIndentChars: 0 }),
      elementBody("（联系人：李四，电话：12345678）", { firstLineIndentChars: -1 }),
    ],
    gongwen,
  ],
];

describe("issue #13: no format findings on element look-alikes and hand-placed elements", () => {
  it.each(ELEMENT_TRAPS)("%s", (_name, paras, profile) => {
    const found = check(makeElementDoc(paras), { profile })
      .filter((f) => f.rule === "format-paragraph" || f.rule === "format-font")
      .map((f) => `${f.rule}/${f.messageId} ¶${f.paragraph}: ${f.message}`);
    expect(found).toEqual([]);
  });
});
