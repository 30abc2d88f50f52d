/**
 * Variant forms settled by 《第一批异形词整理表》 (教育部、国家语言文字工作委员会, 2001): the table
 * names one recommended form of each group (分量 over 份量, 彻底 over 澈底). Older texts wrote the
 * other forms correctly, so a hit is a hint (info), never an error.
 *
 * Only a subset of the table is here: a variant is left out when it is also an ordinary word or a
 * name (定单 inside 规定单位, 分子/份子, 余辉 as a name, 无宁 inside 永无宁日, 按纳 inside 按纳税人,
 * 录相 inside 记录相关, 架式 inside 框架式, 平空 inside 水平空间, 色采 inside 绿色采购), or could be the tail of one word
 * and the head of the next; where a guard makes it safe, the guard says which neighbours cancel it.
 */
import { pairs, type TypoEntry } from "./types";

const info = { severity: "info" as const };

export const VARIANT_ENTRIES: TypoEntry[] = [
  { wrong: "成份", right: "成分", kind: "variant", severity: "info", notBefore: ["额"] },
  { wrong: "过份", right: "过分", kind: "variant", severity: "info", notBefore: ["额"] },
  { wrong: "份量", right: "分量", kind: "variant", severity: "info", notAfter: "股部一每月年身省", notBefore: ["化", "表"] },
  { wrong: "份内", right: "分内", kind: "variant", severity: "info", notAfter: "月年省身股部一每这那本该此" },
  { wrong: "份外", right: "分外", kind: "variant", severity: "info", notAfter: "月年省身股部一每这那本该此" },
  { wrong: "笔划", right: "笔画", kind: "variant", severity: "info", notAfter: "一", notBefore: ["拨", "转", "出", "入", "定", "款"] },
  { wrong: "刻划", right: "刻画", kind: "variant", severity: "info", notAfter: "深时立即片此" },
  { wrong: "计画", right: "计划", kind: "variant", severity: "info", notAfter: "设统会审估伙" },
  { wrong: "人材", right: "人才", kind: "variant", severity: "info", notBefore: ["料"] },
  { wrong: "记念", right: "纪念", kind: "variant", severity: "info", notAfter: "铭牢日笔谨切书" },
  { wrong: "衣著", right: "衣着", kind: "variant", severity: "info", notBefore: ["名", "作", "称"] },
  { wrong: "清彻", right: "清澈", kind: "variant", severity: "info", notBefore: ["底"] },
  { wrong: "图象", right: "图像", kind: "variant", severity: "info", notBefore: ["征"] },
  { wrong: "影象", right: "影像", kind: "variant", severity: "info", notBefore: ["征"] },
  { wrong: "联贯", right: "连贯", kind: "variant", severity: "info", notAfter: "苏关学" },
  { wrong: "录象", right: "录像", kind: "variant", severity: "info", notBefore: ["征"] },
  { wrong: "留连", right: "流连", kind: "variant", severity: "info", notAfter: "保停滞遗挽拘预存居逗去" },
  { wrong: "保母", right: "保姆", kind: "variant", severity: "info", notAfter: "确环担" },
  ...pairs(
    "variant",
    [
      "辈份>辈分", "勾划>勾画", "筹画>筹划", "谋画>谋划", "出谋画策>出谋划策", "指手划脚>指手画脚", "思惟>思维",
      "精采>精彩", "丰富多采>丰富多彩", "喝采>喝彩", "喝倒采>喝倒彩", "神彩>神采", "光采夺目>光彩夺目", "五采缤纷>五彩缤纷",
      "耽心>担心", "耽忧>担忧", "担搁>耽搁", "参预>参与", "答覆>答复", "倒楣>倒霉", "澈底>彻底", "透澈>透彻", "澄彻>澄澈",
      "蕃衍>繁衍", "发人深醒>发人深省", "告戒>告诫", "训戒>训诫", "规戒>规诫", "梗直>耿直", "鲠直>耿直", "恭惟>恭维",
      "勾联>勾连", "孤苦零丁>孤苦伶仃", "孤负>辜负", "归根结柢>归根结底", "含胡>含糊", "涵蓄>含蓄", "哄动>轰动", "宏扬>弘扬",
      "弘图>宏图", "鸿图>宏图", "弘论>宏论", "弘愿>宏愿", "弘旨>宏旨", "鸿福>洪福", "胡涂>糊涂", "恍忽>恍惚", "晖映>辉映",
      "混水摸鱼>浑水摸鱼", "机伶>机灵", "激忿>激愤", "佳宾>嘉宾", "驾御>驾驭", "简炼>简练", "洗炼>洗练", "凝炼>凝练",
      "骄奢淫佚>骄奢淫逸", "狡滑>狡猾", "叫化子>叫花子", "狼籍>狼藉", "累坠>累赘", "联绵>连绵", "联缀>连缀",
      "连袂>联袂", "撩乱>缭乱", "卤莽>鲁莽", "落漠>落寞", "落莫>落寞", "马糊>马虎", "门坎>门槛", "糜费>靡费",
      "奢糜>奢靡", "侈糜>侈靡", "摹仿>模仿", "摹拟>模拟", "模胡>模糊", "磨擦>摩擦", "磨拳擦掌>摩拳擦掌", "内哄>内讧", "钮扣>纽扣",
      "盘据>盘踞", "蟠踞>盘踞", "蟠根错节>盘根错节", "盘石>磐石", "盘跚>蹒跚", "旁皇>彷徨", "疲塌>疲沓", "披星带月>披星戴月",
      "漂零>飘零", "漂摇>飘摇", "飘泊>漂泊", "飘流>漂流", "牵联>牵连", "杀一警百>杀一儆百", "日蚀>日食", "月蚀>月食",
      "死心踏地>死心塌地", "塌实>踏实", "挺而走险>铤而走险", "推委>推诿", "污七八糟>乌七八糟", "无动于中>无动于衷", "无庸>毋庸",
      "希罕>稀罕", "希奇>稀奇", "希少>稀少", "希世>稀世", "希有>稀有", "贤慧>贤惠", "像貌>相貌", "萧洒>潇洒", "小题大作>小题大做",
      "信口开合>信口开河", "惺松>惺忪", "压韵>押韵", "雅片>鸦片", "义无返顾>义无反顾", "赢余>盈余", "鱼网>渔网", "鱼具>渔具",
      "斩新>崭新", "颤栗>战栗", "折衷>折中", "直捷了当>直截了当", "直接了当>直截了当", "装璜>装潢", "姿式>姿势", "左证>佐证",
      "百废具兴>百废俱兴", "必恭必敬>毕恭毕敬", "禀承>秉承", "惨澹>惨淡", "搀杂>掺杂", "搀和>掺和", "搀假>掺假", "车箱>车厢",
      "筹马>筹码", "粗卤>粗鲁", "搭当>搭档", "搭挡>搭档", "澹泊>淡泊", "跌荡>跌宕", "独脚戏>独角戏", "疯颠>疯癫",
      "负嵎顽抗>负隅顽抗", "鬼哭狼嗥>鬼哭狼嚎", "红通通>红彤彤", "茄克>夹克", "嫁装>嫁妆", "脚根>脚跟", "喽罗>喽啰",       "落腮胡子>络腮胡子", "魔难>磨难", "热呼呼>热乎乎", "玩艺儿>玩意儿", "秀外惠中>秀外慧中", "一古脑儿>一股脑儿", "一槌定音>一锤定音",
      "再接再砺>再接再厉", "雕零>凋零", "雕谢>凋谢", "雕敝>凋敝", "雕落>凋落", "逗遛>逗留", "班驳>斑驳", "褓姆>保姆",
      "百页窗>百叶窗", "喘嘘嘘>喘吁吁", "踌蹰>踌躇", "倘佯>徜徉",
    ],
    info,
  ),
];
