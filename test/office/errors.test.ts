import { errorCode, isOoxmlFallbackError, isRetryable, messageFor } from "../../src/office/errors";
import { detectFeatures, detectHost, supports } from "../../src/office/host";
import { FakeOfficeError, FakeWord } from "./fakeWord";

describe("messageFor", () => {
  it.each([
    ["AccessDenied", "文档处于只读或受保护状态，无法修改。"],
    ["accessDenied", "文档处于只读或受保护状态，无法修改。"],
    ["SearchDialogIsOpen", "请先关闭 Word 的“查找”对话框再试。"],
    ["ItemNotFound", /找不到原来的位置/],
    ["InvalidArgument", /参数无效/],
    ["NotAllowed", /不允许/],
    ["GeneralException", /稍后再试/],
    ["RequestPayloadSizeLimitExceeded", /文档太大/],
    ["ResponsePayloadSizeLimitExceeded", /桌面版 Word/],
    ["connectionFailure", /连接中断/],
    ["ApiNotFound", /不支持这项功能/],
  ])("%s", (code, expected) => {
    const msg = messageFor(new FakeOfficeError(code, "localized developer text"));
    if (typeof expected === "string") expect(msg).toBe(expected);
    else expect(msg).toMatch(expected);
    expect(msg).not.toContain("localized developer text");
  });

  it("falls back to a generic message for unknown errors and non-errors", () => {
    const generic = messageFor(new Error("boom"));
    expect(generic).toMatch(/操作没有完成/);
    expect(messageFor(undefined)).toBe(generic);
    expect(messageFor({ code: "SomethingNew" })).toBe(generic);
    expect(messageFor({ code: 5009, name: "Permission Denied" })).toMatch(/只读/);
  });

  it("knows what is worth retrying and what the OOXML fallback covers", () => {
    expect(isRetryable({ code: "GeneralException" })).toBe(true);
    expect(isRetryable({ code: "SearchDialogIsOpen" })).toBe(true);
    expect(isRetryable({ code: "AccessDenied" })).toBe(false);
    expect(isRetryable(new Error("x"))).toBe(false);
    expect(isOoxmlFallbackError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isOoxmlFallbackError({ code: "AccessDenied" })).toBe(false);
    expect(errorCode({ code: "ItemNotFound" })).toBe("itemnotfound");
  });
});

describe("host detection", () => {
  afterEach(() => {
    FakeWord.uninstall();
    delete (globalThis as Record<string, unknown>).window;
  });

  it("reports the platform through office-js-helpers when a window exists", async () => {
    new FakeWord(["甲"], { platform: "OfficeOnline" }).install();
    (globalThis as Record<string, unknown>).window = globalThis;
    expect(await detectHost()).toEqual({ host: "WORD", platform: "web" });
  });

  it("falls back to Office.context without a window", async () => {
    new FakeWord(["甲"], { platform: "Mac" }).install();
    expect(await detectHost()).toEqual({ host: "WORD", platform: "mac" });
  });

  it("reads requirement sets through isSetSupported, false without Office", () => {
    expect(supports("WordApi", "1.3")).toBe(false);
    new FakeWord(["甲"], { sets: { WordApi: "1.5", WordApiDesktop: "1.3" } }).install();
    expect(detectFeatures()).toMatchObject({ api13: true, api14: true, api15: true, farEastFont: true, comments: true, stylesApi: true, selectionEvents: true });
  });
});
