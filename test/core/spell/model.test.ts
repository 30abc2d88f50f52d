import { readFileSync } from "fs";
import { join } from "path";
import { spellCheck } from "../../../src/core/spell/check";
import { decodeSpellModel } from "../../../src/core/spell/model";

const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../assets/spell/spell.bin")));

describe("the spelling model file", () => {
  const m = decodeSpellModel(bytes);

  it("decodes: characters, readings and words agree", () => {
    expect(m.version).toBe(1);
    const id = m.charId["据".charCodeAt(0)];
    expect(id).toBeGreaterThan(0);
    expect(String.fromCharCode(m.charCode[id])).toBe("据");
    const readings = Array.from(m.sylIds.subarray(m.sylStart[id], m.sylStart[id + 1]), (s) => m.sylNames[s]);
    expect(readings).toContain("ju4");
  });

  it("decodes from a copy at an odd offset (a fetched buffer may be a view)", () => {
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(decodeSpellModel(padded.subarray(1)).wordCount).toBe(m.wordCount);
  });

  it("rejects other files with a Chinese message, never a crash elsewhere", () => {
    expect(() => decodeSpellModel(new Uint8Array([1, 2, 3]))).toThrow(/拼写模型/);
    expect(() => decodeSpellModel(new TextEncoder().encode("not a model at all, just text"))).toThrow(/拼写模型/);
    expect(() => decodeSpellModel(bytes.subarray(0, 1000))).toThrow(/拼写模型/);
  });

  it("gives the same findings whatever it checked before (its scratch arrays are reused)", () => {
    const text = "要认真贯切会议精神，编制发展规划刚要，大力培育大数局产业。";
    const fresh = JSON.stringify(spellCheck(m, text));
    expect(JSON.parse(fresh).length).toBeGreaterThan(0);
    spellCheck(m, "依法刑政".repeat(3000));
    spellCheck(m, "的");
    expect(JSON.stringify(spellCheck(m, text))).toBe(fresh);
  });

  it("never throws on hostile strings", () => {
    for (const s of ["", "\ud800", "\udfff据", "\u200b\u200b", "。，、；", "a".repeat(1000), "局".repeat(5000), "大数局\ud800产业"]) {
      expect(() => spellCheck(m, s)).not.toThrow();
    }
  });
});
