import { docFromText } from "../../src/core/model";
import { TEMPLATES } from "../../src/core/outline/templates";
import { guessProfile } from "../../src/core/profileGuess";

const guess = (lines: string[]) => guessProfile(docFromText(lines.join("\n")));

describe("guessProfile: which 文稿类型 a draft reads as", () => {
  it.each<[string, string[], "speech" | "gongwen"]>([
    ["a 称谓 line", ["在全县农业农村工作会议上的讲话", "同志们：", "今天我们召开会议。", "一、认清形势", "当前形势很好。"], "speech"],
    ["a speech title without a 称谓", ["在全市安全生产工作会议上的讲话", "一、认清形势", "当前形势很好。"], "speech"],
    ["谢谢大家 at the end", ["会议纪律要讲一讲", "一、认清形势", "当前形势很好。", "谢谢大家！"], "speech"],
    ["a 发文字号", ["某县人民政府文件", "某政发〔2024〕12号", "关于加强秋季防火工作的通知", "各乡镇人民政府：", "现将有关事项通知如下。"], "gongwen"],
    ["a 版记", ["关于做好年度总结的通知", "现将有关事项通知如下。", "某县人民政府办公室", "2024年12月1日", "抄送：县委办公室。", "某县人民政府办公室　　2024年12月1日印发"], "gongwen"],
    ["主送机关 and a 公文 title", ["关于开展调查研究的通知", "各有关单位：", "为了深入调查研究，现通知如下。", "一、调研内容", "走访社区。"], "gongwen"],
    ["nothing either way", ["加强学习", "我们要加强学习。", "学习使人进步。"], "speech"],
    ["a speech that cites a notice in its body", ["同志们：", "按照《关于加强秋季防火工作的通知》要求，我讲三点意见。", "一、认清形势"], "speech"],
  ])("%s", (_name, lines, profile) => {
    expect(guess(lines).profile).toBe(profile);
  });

  it("gives a reason when something told", () => {
    expect(guess(["同志们：", "今天开会。"]).reason).toBe("文中有“同志们”之类的称谓");
    expect(guess(["某政发〔2024〕12号", "关于加强秋季防火工作的通知", "各乡镇人民政府：", "现通知如下。"]).reason).toBe("文中有发文字号");
    expect(guess(["加强学习", "我们要加强学习。"]).reason).toBeUndefined();
  });

  it("reads every built-in template as the profile it is made for", () => {
    for (const t of TEMPLATES) {
      const text = t.build(t.defaults).map((p) => p.text).join("\n");
      expect([t.name, guessProfile(docFromText(text)).profile]).toEqual([t.name, t.profile]);
    }
  });

  it("never throws on odd input", () => {
    for (const t of ["", "\n\n", "同志们", "〔〕号", "关于的通知", "谢谢"]) expect(() => guessProfile(docFromText(t))).not.toThrow();
  });
});
