/**
 * End-to-end, in headless Chromium on the built pages: the preview scrolls to a finding, gives the
 * document back (下载文档, 撤销, 写入批注, typing in a paragraph), has a dark mode, and the
 * taskpane has no extra tab stop (its dark theme: color-scheme.e2e.test.ts). Needs `npm run build`
 * first (or BIGANZI_DIST pointing at another build). Screenshots go to test-output/e2e/.
 */
import * as fs from "fs";
import * as path from "path";
import { readDocx } from "../../src/core/reader";
import { doc, openFile, openPreview, OPENING, pane, results, runCheck, SALUTATION, screenshot, shownBackground, SOUND_PROSE, tempDir, useBrowser } from "./harness";

useBrowser();

/** A long draft: sound prose, one placeholder near the end (far below the first screen). */
function longDraft(): string {
  const lines = [SALUTATION, OPENING];
  for (let i = 0; i < 90; i++) lines.push(SOUND_PROSE[i % SOUND_PROSE.length]);
  lines.push("由XX牵头，会同有关部门每季度开展一次明察暗访。");
  lines.push("谢谢大家。");
  return lines.join("\n");
}

describe("the preview gives the document back", () => {
  it("scrolls the document to a finding far down and highlights it", async () => {
    const page = await openPreview();
    await openFile(page, { name: "长稿.txt", text: longDraft() });
    await runCheck(page);
    const section = page.getByRole("region", { name: "文档预览" });
    expect(await section.evaluate((el) => el.scrollTop)).toBe(0);
    await results(page).filter({ hasText: /XX/ }).first().getByRole("button", { name: /XX/ }).first().click();
    const mark = doc(page).locator("mark").first();
    await expect(mark.innerText()).resolves.toBe("XX");
    // Scrolled (smoothly) until the mark is inside the visible part of the document.
    await page.waitForFunction(() => {
      const sec = document.querySelector('section[aria-label="文档预览"]')!;
      const m = document.querySelector('article[aria-label="文档"] mark');
      if (!m) return false;
      const a = sec.getBoundingClientRect();
      const b = m.getBoundingClientRect();
      return sec.scrollTop > 0 && b.top >= a.top && b.bottom <= a.bottom;
    });
    // Only the document scrolled: the page (toolbar, pane) stayed where it was.
    expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0]);
    await expect(page.getByRole("button", { name: "下载文档" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "preview-scroll-to-finding");
  }, 180_000);

  it("下载文档 after a fix gives a .docx with the fixed text and the comments; 撤销 takes the fix back", async () => {
    const page = await openPreview();
    await runCheck(page);
    await results(page).filter({ hasText: "序号“(二)”" }).first().getByRole("button", { name: "修复", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("（二）正视工作中存在的突出问题"));
    await results(page).first().waitFor();
    await page.getByRole("button", { name: "写入批注" }).click();
    await doc(page).getByRole("note").first().waitFor();
    const notes = Number(/已将 (\d+) 处写入批注/.exec(await page.getByText(/已将 \d+ 处写入批注/).innerText())?.[1]);
    expect(notes).toBeGreaterThan(0);
    // Beside their paragraphs, at most three each until 展开.
    expect(await doc(page).getByRole("note").count()).toBeLessThanOrEqual(notes);
    await screenshot(page, "preview-comments");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载文档" }).click()]);
    expect(download.suggestedFilename()).toBe("示例讲话稿（内置）（修改后）.docx");
    const file = path.join(tempDir(), "out.docx");
    await download.saveAs(file);
    const back = readDocx(new Uint8Array(fs.readFileSync(file)));
    const texts = back.paragraphs.map((p) => p.text);
    expect(texts).toContain("（二）正视工作中存在的突出问题。");
    const shown = (await doc(page).locator("p[data-paragraph]").allTextContents()).map((t) => t.trim());
    expect(texts).toEqual(shown);
    expect(back.otherParagraphs.filter((p) => p.part === "comment")).toHaveLength(notes);

    await page.getByRole("group", { name: "文档操作" }).getByRole("button", { name: /^撤销：修复 1 处/ }).click();
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("(二)正视工作中存在的突出问题"));
    await page.getByText("已撤销「修复 1 处」", { exact: false }).waitFor();
  }, 180_000);

  it("a placeholder is filled in by typing in its paragraph", async () => {
    const page = await openPreview();
    const para = doc(page).locator("p", { hasText: "由XX牵头" });
    await para.dblclick();
    const box = page.getByRole("textbox", { name: /^编辑第 \d+ 段$/ });
    await box.waitFor();
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(1, 3));
    await page.keyboard.type("市委督查室");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("由市委督查室牵头"));
    await expect(box.count()).resolves.toBe(0);
    await runCheck(page);
    // The re-check no longer finds the placeholder that was filled in.
    // (A regular expression: Playwright's string match ignores case and 20xx is another finding.)
    await expect(results(page).filter({ hasText: /XX/ }).count()).resolves.toBe(0);
  }, 180_000);
});

describe("dark mode and focus", () => {
  it("the preview follows prefers-color-scheme: dark paper, dark pane; the switch turns it light", async () => {
    const page = await openPreview({ colorScheme: "dark" });
    const article = await doc(page).boundingBox();
    expect(await shownBackground(page, article!.x + 10, article!.y + 10)).toBe("rgb(41, 41, 41)");
    const paneBox = await pane(page).boundingBox();
    expect(await shownBackground(page, paneBox!.x + paneBox!.width / 2, paneBox!.y + paneBox!.height - 5)).toBe("rgb(41, 41, 41)");
    await screenshot(page, "preview-dark");
    await page.getByRole("switch", { name: "深色模式" }).click();
    expect(await shownBackground(page, article!.x + 10, article!.y + 10)).toBe("rgb(255, 255, 255)");
    await screenshot(page, "preview-light");
  }, 180_000);

  it("Tab goes from the selected tab straight into the panel's controls", async () => {
    const page = await openPreview();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "开始检查" }).waitFor();
    await page.getByRole("tab", { name: "检查" }).focus();
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
      return { isPanel: a === panel, inPanel: !!panel && !!a && panel.contains(a), tag: a?.tagName };
    });
    expect(where).toEqual({ isPanel: false, inPanel: true, tag: expect.any(String) });
  }, 180_000);
});
