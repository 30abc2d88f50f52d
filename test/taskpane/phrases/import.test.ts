/**
 * Phrase import against hostile and careless files: every malformed payload ends in one clear
 * Chinese sentence (never an exception, never an empty success), and nothing odd reaches the
 * message text unbounded.
 */
import { IMPORT_UNREADABLE, MAX_IMPORT_BYTES, parseImport } from "../../../src/taskpane/phrases/userPhrases";

const good = (over: Record<string, unknown> = {}) => ({ text: "要把制度的笼子扎得更紧。", kind: "正文", themes: ["廉洁"], ...over });
const json = (v: unknown) => JSON.stringify(v);
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

const MALFORMED: Array<[string, string, RegExp]> = [
  ["an empty file", "", /^导入失败：文件是空的。/],
  ["only whitespace and a BOM", "\uFEFF  \n\t", /^导入失败：文件是空的。/],
  ["not JSON", "要把制度的笼子扎得更紧。", /^导入失败：文件不是有效的 JSON 格式。/],
  ["truncated JSON", json([good()]).slice(0, 20), /^导入失败：文件不是有效的 JSON 格式。/],
  ["a UTF-16 file read as UTF-8", "\uFFFD\uFFFD[\u0000{\u0000", /^导入失败：文件不是 UTF-8 编码的文字。/],
  ["JSON null", "null", /^导入失败：文件内容应是提示语列表（JSON 数组），而不是单个值。$/],
  ["a number", "42", /^导入失败：文件内容应是提示语列表（JSON 数组），而不是单个值。$/],
  ["a string", json("要把制度的笼子扎得更紧。"), /^导入失败：文件内容应是提示语列表（JSON 数组），而不是单个值。$/],
  ["true", "true", /^导入失败：文件内容应是提示语列表（JSON 数组），而不是单个值。$/],
  ["one phrase object instead of an array", json(good()), /^导入失败：文件内容应是提示语列表（JSON 数组），这里是一个对象。一条提示语也要放在 \[ \] 中。$/],
  ["an object with a __proto__ key", '{"__proto__": [1, 2]}', /^导入失败：文件内容应是提示语列表（JSON 数组），这里是一个对象。/],
  ["an empty array", "[]", /^导入失败：文件里没有提示语。$/],
  ["an array of numbers", "[1, 2, 3]", /^导入失败：第 1 条不是一条提示语（应为 \{"text", "kind", "themes"\}）。$/],
  ["an array of nulls", "[null]", /^导入失败：第 1 条不是一条提示语/],
  ["an array of arrays", json([[good()]]), /^导入失败：第 1 条不是一条提示语/],
  ["an array of strings after a good item", json([good(), "要把"]), /^导入失败：第 2 条不是一条提示语/],
  ["deeply nested arrays", nested(100_000), /^导入失败：(第 1 条不是一条提示语|文件不是有效的 JSON 格式)/],
  ["an item without text", json([{ kind: "正文", themes: ["廉洁"] }]), /^导入失败：第 1 条缺少“text”（提示语文字）。$/],
  ["an item whose text is null", json([good({ text: null })]), /^导入失败：第 1 条缺少“text”（提示语文字）。$/],
  ["an item whose text is a number", json([good({ text: 5 })]), /^导入失败：第 1 条的“text”应是一段文字（现在是别的类型）。$/],
  ["an item whose text is an array", json([good({ text: ["要把"] })]), /^导入失败：第 1 条的“text”应是一段文字（现在是别的类型）。$/],
  ["an item whose text hides under __proto__", '[{"__proto__": {"text": "要把"}, "kind": "正文", "themes": ["廉洁"]}]', /^导入失败：第 1 条缺少“text”（提示语文字）。$/],
  ["a huge text", json([good({ text: "长".repeat(300_000) })]), /^导入失败：第 1 条的“text”应为 1～200 个字（现在 300000 个字）。$/],
  ["a text of lone surrogates only", json([good({ text: "\uD800".repeat(300) })]), /^导入失败：第 1 条的“text”应为 1～200 个字（现在 300 个字）。$/],
  ["kind missing", json([good({ kind: undefined })]), /^导入失败：第 1 条的“kind”不是可用的类型。可用的类型：/],
  ["kind of the wrong type", json([good({ kind: { toString: 1 } })]), /^导入失败：第 1 条的“kind”不是可用的类型。/],
  ["themes as a string", json([good({ themes: "廉洁" })]), /^导入失败：第 1 条的“themes”应列出 1～3 个主题。$/],
  ["themes as an object", json([good({ themes: { 0: "廉洁", length: 1 } })]), /^导入失败：第 1 条的“themes”应列出 1～3 个主题。$/],
  ["a theme that is an object with a bad toString", json([good({ themes: [{ toString: 1 }] })]), /^导入失败：第 1 条的“themes”中一个对象不是可用的主题。/],
  ["a theme that is a nested array", json([good({ themes: [[{ toString: 1 }]] })]), /^导入失败：第 1 条的“themes”中一个列表不是可用的主题。/],
  ["a theme that is deeply nested", json([good({ themes: ["x"] })]).replace('["x"]', "[" + nested(100_000) + "]"), /^导入失败：(第 1 条的“themes”中一个列表不是可用的主题|文件不是有效的 JSON 格式)/],
  ["a theme that is a number", json([good({ themes: [7] })]), /^导入失败：第 1 条的“themes”中“7”不是可用的主题。/],
  ["a theme that is null", json([good({ themes: [null] })]), /^导入失败：第 1 条的“themes”中“null”不是可用的主题。/],
  ["a huge theme name", json([good({ themes: ["长".repeat(300_000)] })]), /^导入失败：第 1 条的“themes”中“长{20}…”不是可用的主题。可用的主题：/],
  ["repeated themes", json([good({ themes: ["廉洁", "廉洁"] })]), /^导入失败：第 1 条的“themes”有重复的主题。$/],
  ["a level of the wrong type", json([good({ kind: "标题", level: "1" })]), /^导入失败：第 1 条的“level”应为 1、2 或 3。$/],
  ["too many items", json(Array.from({ length: 2001 }, () => 0)), /^导入失败：一次最多导入 2000 条，这个文件有 2001 条。$/],
  ["more text than the size limit", "[" + " ".repeat(MAX_IMPORT_BYTES) + "]", /^导入失败：文件过大（1025 KB），不能超过 1 MB（1024 KB）。$/],
];

describe("parseImport refuses every malformed payload with a clear message", () => {
  test.each(MALFORMED)("%s", (_name, text, message) => {
    let result: ReturnType<typeof parseImport> | undefined;
    expect(() => (result = parseImport(text, new TextEncoder().encode(text).length))).not.toThrow();
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
    const error = (result as { error: string }).error;
    // One short sentence, whatever the file held.
    expect(error.length).toBeLessThan(200);
    expect(error).toMatch(/[。]$/);
    expect(error).not.toBe(IMPORT_UNREADABLE);
  });

  test("a declared size over the limit is refused before parsing", () => {
    expect(parseImport("", MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, error: expect.stringMatching(/^导入失败：文件过大/) });
  });

  test("a BOM in front of a good file is fine, and the phrases come back clean", () => {
    const raw = json([good({ text: "  要把制度的笼子扎得更紧。 ", id: "x" })]).replace('"id"', '"__proto__": {"polluted": true}, "id"');
    const result = parseImport("\uFEFF" + raw, 200);
    expect(result).toEqual({ ok: true, phrases: [{ text: "要把制度的笼子扎得更紧。", kind: "正文", themes: ["廉洁"] }] });
    expect(Object.getPrototypeOf((result as { phrases: object[] }).phrases[0])).toBe(Object.prototype);
    expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
  });
});
