/**
 * End-to-end: the real taskpane on the built preview page, in headless Chromium (test/e2e/harness.ts).
 * Needs `npm run build` first (npm test does it). Screenshots go to test-output/e2e/.
 */
import * as path from "path";
import { doc, insertFirstPhrase, openFile, openPreview, results, root, runCheck, screenshot, OPENING, SALUTATION, SOUND_PROSE, useBrowser } from "./harness";

useBrowser();

describe("preview in Chromium", () => {
  it("runs a check and lists the sample's real faults", async () => {
    const page = await openPreview();
    await runCheck(page);
    const n = await results(page).count();
    expect(n).toBeGreaterThanOrEqual(5);
    const text = await page.getByRole("list", { name: "检查结果" }).innerText();
    expect(text).toContain("(二)");
    expect(text).toMatch(/讲三点意见/);
    expect(text).toContain("20xx");
    await screenshot(page, "check");
  }, 180_000);

  it("selects a finding's text in the document when clicked", async () => {
    const page = await openPreview();
    await runCheck(page);
    // The marker's own finding (the hierarchy warning about the same marker comes first in its group).
    const item = results(page).filter({ hasText: "序号“(二)”" }).first();
    await item.getByText("序号“(二)”", { exact: false }).click();
    await expect(doc(page).locator("mark").first().innerText()).resolves.toBe("(二)");
    await screenshot(page, "select");
  }, 180_000);

  it("fixes a finding and the document changes", async () => {
    const page = await openPreview();
    await runCheck(page);
    expect(await doc(page).innerText()).toContain("(二)正视工作中存在的突出问题");
    await results(page).filter({ hasText: "序号“(二)”" }).first().getByRole("button", { name: "修复", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("（二）正视工作中存在的突出问题"));
    expect(await doc(page).innerText()).not.toContain("(二)正视");
    await screenshot(page, "fix");
  }, 180_000);

  it("ignores a rule: its findings disappear", async () => {
    const page = await openPreview();
    await runCheck(page);
    const placeholders = results(page).filter({ hasText: "20xx" });
    expect(await placeholders.count()).toBeGreaterThan(0);
    await placeholders.first().getByRole("button", { name: "忽略此规则" }).click();
    // The placeholder rule has several checks: 忽略此规则 offers the whole rule or just this check.
    await page.getByRole("menuitem", { name: /^忽略整条规则/ }).click();
    await page.waitForFunction(() => !document.querySelector('ul[aria-label="检查结果"]')?.textContent?.includes("20xx"));
    await screenshot(page, "ignore");
  }, 180_000);

  it("inserts a speech skeleton at the cursor", async () => {
    const page = await openPreview();
    const before = await doc(page).locator("p").count();
    await doc(page).locator("p").last().click();
    await page.getByRole("tab", { name: "大纲" }).click();
    await page.getByRole("button", { name: "插入提纲" }).click();
    await page.waitForFunction((n) => document.querySelectorAll('article[aria-label="文档"] p').length > n, before);
    const text = await doc(page).innerText();
    expect(text).toContain("同志们：");
    expect(text).toMatch(/下面，我讲[二三四五六]点意见/);
    expect(text).toContain("（一）");
    await screenshot(page, "skeleton");
  }, 180_000);

  it("inserts a suggested phrase at the cursor", async () => {
    const page = await openPreview();
    await doc(page).getByText("机关作风好不好", { exact: false }).click();
    const phrase = await insertFirstPhrase(page);
    expect(phrase.length).toBeGreaterThan(3);
    await page.waitForFunction((t) => document.querySelector('article[aria-label="文档"]')?.textContent?.includes(t), phrase);
    await screenshot(page, "phrase");
  }, 180_000);

  it("never splits or replaces a heading with a phrase: caret inside it, or the heading picked in the 大纲 tree", async () => {
    const page = await openPreview();
    const heading = "一、提高思想认识，切实增强作风建设的紧迫感";
    const paragraphs = () => doc(page).locator("p").allInnerTexts();
    const before = await paragraphs();
    const at = before.findIndex((t) => t.trim() === heading);
    expect(at).toBeGreaterThanOrEqual(0);
    // the reported case: the caret placed inside the heading (after 「一、提」)
    const box = await doc(page).locator("p").nth(at).boundingBox();
    await doc(page).locator("p").nth(at).click({ position: { x: Math.min(60, (box?.width ?? 100) / 4), y: (box?.height ?? 20) / 2 } });
    const phrase = await insertFirstPhrase(page);
    await page.getByText("已另起一段插入到所在段落之后，原有文字未改动。").waitFor();
    let after = await paragraphs();
    expect(after[at].trim()).toBe(heading);
    expect(after[at + 1].trim()).toBe(phrase);
    expect(after).toHaveLength(before.length + 1);

    // the 大纲 tree selects the heading it jumps to; a phrase must not replace it
    await page.getByRole("tab", { name: "大纲" }).click();
    await page.getByRole("treeitem").filter({ hasText: "提高思想认识" }).first().click();
    await insertFirstPhrase(page);
    await page.waitForFunction((n) => document.querySelectorAll('article[aria-label="文档"] p').length > n, after.length);
    after = await paragraphs();
    expect(after[at].trim()).toBe(heading);
    await screenshot(page, "phrase-heading");
  }, 180_000);

  it("opens a .docx the user picks with 打开文档", async () => {
    const page = await openPreview();
    await openFile(page, path.join(root, "test", "fixtures", "docx", "gongwen.docx"));
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("关于做好2024年安全生产工作的通知"));
    await runCheck(page);
    await screenshot(page, "docx");
  }, 180_000);
});

/** About `bytes` of UTF-8 draft: sound prose with a few real faults scattered through it. */
function bigDraft(bytes: number): string {
  const lines = [SALUTATION, OPENING + "下面，我讲三点意见。"];
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = i % 97 === 0 ? "要加强对处臵突发事件工作的领导,确保XX同志的责任落实到位。" : SOUND_PROSE[i % SOUND_PROSE.length];
    lines.push(line);
    size += Buffer.byteLength(line, "utf8") + 1;
  }
  return lines.join("\n");
}

describe("the check of a large document in Chromium", () => {
  it("runs in a Web Worker under the page's CSP and lists the findings of a 1 MB document a page at a time", async () => {
    const page = await openPreview();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await openFile(page, { name: "big.txt", text: bigDraft(1024 * 1024) });
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByRole("status").filter({ hasText: /^共 \d+ 处/ }).waitFor({ timeout: 120_000 });
    expect(workers.some((u) => /biganzi-check\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    const summary = await page.getByRole("status").filter({ hasText: /^共 \d+ 处/ }).innerText();
    // 处臵 and XX once every 97 lines: hundreds of findings, listed a page at a time.
    expect(Number(/^共 (\d+) 处/.exec(summary)?.[1])).toBeGreaterThan(200);
    await expect(results(page).count()).resolves.toBe(200);
    await page.getByRole("button", { name: /^再显示 \d+ 处（已显示 200 处，共 \d+ 处）$/ }).waitFor();
    await screenshot(page, "check-big");
  }, 180_000);

  it("取消 stops a check in progress and leaves the pane usable; the next check completes", async () => {
    const page = await openPreview();
    // Hold the worker's script until 取消 has been clicked: the check is surely still running.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let heldOnce = false;
    await page.route(/biganzi-check\.[0-9a-f]+\.js$/, async (route) => {
      if (!heldOnce) {
        heldOnce = true;
        await held;
      }
      // The first worker was terminated meanwhile: its request may be gone.
      await route.continue().catch(() => undefined);
    });
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText(/^正在检查…（已完成 0\/\d+）$/).waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(1);
    await screenshot(page, "check-progress");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消检查。").waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
    await expect(page.getByRole("list", { name: "检查结果" }).count()).resolves.toBe(0);
    release();
    await runCheck(page);
    expect(await results(page).count()).toBeGreaterThanOrEqual(5);
    expect(heldOnce).toBe(true);
  }, 120_000);
});
