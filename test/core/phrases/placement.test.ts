import { headingLength, placePhrase, type PlacementInput } from "../../../src/core/phrases/placement";

const at = (text: string, start: number, end = start, more: Partial<PlacementInput> = {}) =>
  placePhrase({ text, start, end, multiParagraph: false, paneSelection: false, ...more });

describe("where a phrase goes", () => {
  it("a standalone heading is all heading; a run-in heading only up to its first sentence end", () => {
    expect(headingLength("一、提高思想认识")).toBe(8);
    expect(headingLength("（一）加强学习。要读原著。")).toBe(8);
    expect(headingLength("要坚持问题导向。")).toBe(0);
    expect(headingLength("提高思想认识", "一、")).toBe(6);
    expect(headingLength("总体要求", undefined, true)).toBe(4);
  });

  it.each([
    ["caret inside a heading (the reported 「一、提|高思想认识」 split)", at("一、提高思想认识", 3), "new-paragraph"],
    ["caret at the end of a standalone heading", at("一、提高思想认识", 8), "new-paragraph"],
    ["caret at the start of a heading", at("一、提高思想认识", 0), "new-paragraph"],
    ["the whole heading selected (a 大纲 tree click)", at("一、提高思想认识", 0, 8, { paneSelection: true }), "new-paragraph"],
    ["the clerk's own selection inside a heading", at("一、提高思想认识", 2, 4), "new-paragraph"],
    ["an auto-numbered heading (label outside the text)", at("提高思想认识", 2, 2, { listLabel: "一、" }), "new-paragraph"],
    ["a heading by style", at("总体要求", 2, 2, { headingStyle: true }), "new-paragraph"],
    ["caret in the heading sentence of a run-in heading", at("（一）加强学习。要读原著。", 4), "new-paragraph"],
    ["caret in the body part of a run-in heading", at("（一）加强学习。要读原著。", 9), "caret"],
    ["caret in a body paragraph", at("要坚持问题导向。", 3), "caret"],
    ["the clerk's selection in a body paragraph", at("要坚持XX导向。", 3, 5), "replace-selection"],
    ["a selection the pane made in a body paragraph", at("要坚持XX导向。", 3, 5, { paneSelection: true }), "after-selection"],
    ["a selection over several paragraphs", at("要坚持问题导向。", 0, 0, { multiParagraph: true }), "new-paragraph"],
  ])("%s", (_name, got, want) => {
    expect(got).toBe(want);
  });
});
