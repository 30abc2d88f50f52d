import { docFromText, displayText } from "../../src/core/model";

describe("docFromText", () => {
  it("makes one paragraph a line, whatever the line ending", () => {
    const d = docFromText("\ufeff同志们：\r\n一、总体要求\r（一）指导思想\n");
    expect(d.paragraphs.map((p) => p.text)).toEqual(["同志们：", "一、总体要求", "（一）指导思想"]);
    expect(d.paragraphs.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(d.hasFormatting).toBe(false);
  });
  it("keeps empty lines as empty paragraphs", () => {
    expect(docFromText("a\n\nb").paragraphs.map((p) => p.text)).toEqual(["a", "", "b"]);
  });
  it("displayText puts the list label in front", () => {
    const d = docFromText("总体要求");
    d.paragraphs[0].listLabel = "一、";
    expect(displayText(d.paragraphs[0])).toBe("一、总体要求");
  });
});
