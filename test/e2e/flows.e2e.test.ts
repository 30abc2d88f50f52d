/**
 * End-to-end, in headless Chromium on the built preview: the pane's flows of issue #12 one by one —
 * grouped results, 上一处/下一处 (and Alt+↓) with the document scrolling, 撤销 after a fix and after
 * 一键排版, a phrase inserted on a heading, 下载文档 read back (and through LibreOffice when it is
 * installed), dark mode. Needs `npm run build` first (or BIGANZI_DIST pointing at another build).
 * Screenshots go to test-output/e2e/flows-*.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readDocx } from "../../src/core/reader";
import { findSoffice, printToPdf } from "../integration/render";
import {
  cards,
  closePage,
  doc,
  insertFirstPhrase,
  isDark,
  openFile,
  openPreview,
  OPENING,
  pane,
  paragraphs,
  resultList,
  results,
  runCheck,
  SALUTATION,
  screenshot,
  shownBackground,
  SOUND_PROSE,
  summary,
  tempDir,
  useBrowser,
  waitForDoc,
} from "./harness";

useBrowser();

/** The card of a fixable finding whose text shows `text` (other cards may show the same text without a fix). */
const fixableCard = (page: Page, text: string) =>
  cards(page).filter({ hasText: text }).filter({ has: page.getByRole("button", { name: "修复", exact: true }) }).first();
const docText = (page: Page) => doc(page).innerText();

/** The computed look of the first text piece of the paragraph whose text is `text`. */
async function looks(page: Page, text: string): Promise<{ fontFamily: string; fontSize: string; fontWeight: string }> {
  const span = doc(page).locator("p[data-paragraph]", { hasText: text }).locator("span[data-start]").first();
  return span.evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontFamily: s.fontFamily, fontSize: s.fontSize, fontWeight: s.fontWeight };
  });
}

/** The look of every paragraph of the document view: its own indent and the font of its first text piece. */
async function allLooks(page: Page): Promise<string[]> {
  return doc(page)
    .locator("p[data-paragraph]")
    .evaluateAll((ps) =>
      ps.map((p) => {
        const span = p.querySelector("span[data-start]");
        const s = span ? getComputedStyle(span) : undefined;
        return [getComputedStyle(p).textIndent, getComputedStyle(p).textAlign, s?.fontFamily, s?.fontSize, s?.fontWeight].join(" | ");
      }),
    );
}

const SAMPLE_HEADING_2 = "二、突出问题导向，扎实推进重点任务落实";

describe("the pane's flows in Chromium", () => {
  it("groups results by category and rule with counts; a group collapses; its 全部修复 fixes only that group", async () => {
    const page = await openPreview();
    await runCheck(page);
    const total = Number(/^共 (\d+) 处/.exec(await summary(page).innerText())?.[1]);
    expect(total).toBeGreaterThanOrEqual(5);

    // Category headings (h2) and rule groups (h3, a toggle button each) all carry their counts,
    // and the categories add up to the total.
    const catHeadings = await resultList(page).getByRole("heading", { level: 2 }).allInnerTexts();
    expect(catHeadings.length).toBeGreaterThanOrEqual(2);
    const catCounts = catHeadings.map((h) => Number(/（(\d+) 处）$/.exec(h.trim())?.[1]));
    expect(catCounts.every((n) => n > 0)).toBe(true);
    expect(catCounts.reduce((a, b) => a + b, 0)).toBe(total);
    const groupToggles = resultList(page).getByRole("heading", { level: 3 }).getByRole("button");
    const groupNames = await groupToggles.allInnerTexts();
    expect(groupNames.length).toBeGreaterThanOrEqual(catHeadings.length);
    for (const g of groupNames) expect(g.trim()).toMatch(/^.+（\d+ 处）$/);
    expect(groupNames.map((g) => Number(/（(\d+) 处）$/.exec(g.trim())?.[1])).reduce((a, b) => a + b, 0)).toBe(total);

    // The group of the half-width comma (「规模,能合并」): collapse it, its cards go; open it again.
    const comma = cards(page).filter({ hasText: "规模" }).first();
    await comma.waitFor();
    const title = /第 \d+ 段(?: · 共 \d+ 处)? · (.+)$/.exec((await comma.getByText(/^第 \d+ 段/).innerText()).trim())?.[1]?.trim();
    expect(title).toBeTruthy();
    const toggle = groupToggles.filter({ hasText: new RegExp(`^${escapeRe(title!)}（\\d+ 处）$`) });
    await expect(toggle.count()).resolves.toBe(1);
    const groupCards = cards(page).filter({ hasText: ` · ${title}` });
    const inGroup = await groupCards.count();
    expect(inGroup).toBeGreaterThan(0);
    const cardsBefore = await cards(page).count();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await toggle.click();
    await toggle.and(page.locator('[aria-expanded="false"]')).waitFor();
    await expect(groupCards.count()).resolves.toBe(0);
    await expect(cards(page).count()).resolves.toBe(cardsBefore - inGroup);
    // The heading stays, with its count: the group can be opened again.
    await expect(toggle.isVisible()).resolves.toBe(true);
    await screenshot(page, "flows-group-collapsed");
    await toggle.click();
    await toggle.and(page.locator('[aria-expanded="true"]')).waitFor();
    await expect(groupCards.count()).resolves.toBe(inGroup);

    // 全部修复 of this group: the comma is fixed; the other groups' faults are left as they were.
    const before = await docText(page);
    expect(before).toContain("规模,能合并");
    expect(before).toContain("(二)正视");
    expect(before).toContain("处臵");
    await page.getByRole("button", { name: new RegExp(`^全部修复「${escapeRe(title!)}」（\\d+ 处）$`) }).click();
    await waitForDoc(page, { has: "规模，能合并", lacks: "规模,能合并" });
    const after = await docText(page);
    expect(after).toContain("(二)正视");
    expect(after).toContain("处臵");
    expect(after).toContain("XX");
    // Apart from the commas of that group, nothing in the text changed.
    expect(after.replace(/，/g, ",")).toBe(before.replace(/，/g, ","));
    // The fresh check no longer has that group; the others are still listed.
    await page.getByText(/^已修复 \d+ 处。$/).waitFor();
    await summary(page).waitFor();
    await expect(toggle.count()).resolves.toBe(0);
    await expect(cards(page).filter({ hasText: "(二)" }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "flows-group-fixed");
  }, 180_000);

  it("上一处/下一处 and Alt+↓/Alt+↑ walk the findings in document order; the document scrolls to each", async () => {
    const page = await openPreview();
    await openFile(page, { name: "长稿.txt", text: stepDraft() });
    await runCheck(page);
    // Where the findings are, from the cards ("第 N 段"): the walk must visit them in this order.
    const where = (await cards(page).getByText(/^第 \d+ 段/).allInnerTexts()).map((t) => Number(/^第 (\d+) 段/.exec(t.trim())![1]) - 1);
    const order = [...where].sort((a, b) => a - b);
    expect(order.slice(0, 3)).toEqual(STEP_PARAGRAPHS);
    const section = page.getByRole("region", { name: "文档预览" });
    expect(await section.evaluate((el) => el.scrollTop)).toBe(0);

    const walk = async (go: () => Promise<void>, shot?: string) => {
      let lastTop = 0; // every placeholder is below the first screen
      for (let k = 0; k < 3; k++) {
        await go();
        await page.getByText(new RegExp(`^第 ${k + 1}/${where.length} 处 · `)).waitFor();
        await markShownIn(page, STEP_PARAGRAPHS[k]);
        await expect(doc(page).locator("mark").first().innerText()).resolves.toBe("XX");
        // Each finding is further down: the document scrolled on, the page itself did not.
        const top = await section.evaluate((el) => el.scrollTop);
        expect(top).toBeGreaterThan(lastTop);
        lastTop = top;
        expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0]);
        if (shot && k === 2) await screenshot(page, shot);
      }
    };
    await walk(() => page.getByRole("button", { name: "下一处", exact: true }).click(), "flows-step");

    // A fresh check starts the walk again; now from the keyboard, with focus in the pane.
    await runCheck(page);
    await expect(page.getByText(/^第 \d+\/\d+ 处 · /).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "下一处", exact: true }).focus();
    await walk(() => page.keyboard.press("Alt+ArrowDown"));
    await page.keyboard.press("Alt+ArrowUp");
    await page.getByText(new RegExp(`^第 2/${where.length} 处 · `)).waitFor();
    await markShownIn(page, STEP_PARAGRAPHS[1]);
    await screenshot(page, "flows-step-keys");
  }, 180_000);

  it("撤销 takes a fix back and marks the results as possibly out of date; 撤销排版 restores the paragraphs' look", async () => {
    const page = await openPreview();
    await runCheck(page);
    const original = await paragraphs(page);
    await fixableCard(page, "(二)").getByRole("button", { name: "修复", exact: true }).click();
    await waitForDoc(page, { has: "（二）正视工作中存在的突出问题", lacks: "(二)正视" });
    await page.getByText("已修复 1 处。").waitFor();
    // The pane's own 撤销 (the preview's toolbar has one too).
    await pane(page).getByRole("button", { name: /^撤销：修复 1 处/ }).click();
    await waitForDoc(page, { has: "(二)正视工作中存在的突出问题", lacks: "（二）正视" });
    expect(await paragraphs(page)).toEqual(original);
    await page.getByText("检查结果可能已过时，请重新检查。", { exact: false }).first().waitFor();
    await summary(page).getByText("（文档已改动，以下结果可能已过时，请重新检查。）").waitFor();
    // Old offsets no longer apply: no fix can be started from the outdated list.
    const fixButtons = cards(page).getByRole("button", { name: /^修复/ });
    expect(await fixButtons.count()).toBeGreaterThan(0);
    for (const b of await fixButtons.all()) expect(await b.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "重新检查" }).waitFor();
    await screenshot(page, "flows-undo-fix");

    // 一键排版 gives the heading in 宋体 its level's font; 撤销排版 puts 宋体 back.
    const heading = await looks(page, SAMPLE_HEADING_2);
    const everyLook = await allLooks(page);
    expect(heading.fontFamily).toContain("宋体");
    await page.getByRole("tab", { name: "大纲" }).click();
    await page.getByRole("button", { name: "一键排版", exact: true }).click();
    await page.getByText(/^已排版 \d+ 段/).waitFor();
    const formatted = await looks(page, SAMPLE_HEADING_2);
    expect(formatted.fontFamily).not.toBe(heading.fontFamily);
    expect(await allLooks(page)).not.toEqual(everyLook);
    await screenshot(page, "flows-format");
    await page.getByRole("button", { name: "撤销排版" }).click();
    await page.waitForFunction(
      ([text, family]) => {
        const p = [...document.querySelectorAll('article[aria-label="文档"] p[data-paragraph]')].find((e) => e.textContent?.includes(text));
        const span = p?.querySelector("span[data-start]");
        return !!span && getComputedStyle(span).fontFamily === family;
      },
      [SAMPLE_HEADING_2, heading.fontFamily] as const,
    );
    expect(await looks(page, SAMPLE_HEADING_2)).toEqual(heading);
    // Every paragraph, not just the heading, looks as it did before 一键排版; the text never changed.
    expect(await allLooks(page)).toEqual(everyLook);
    expect(await paragraphs(page)).toEqual(original);
    await expect(page.getByRole("button", { name: "撤销排版" }).count()).resolves.toBe(0);
    await screenshot(page, "flows-undo-format");
  }, 180_000);

  it("a phrase inserted with the caret in a heading becomes a new paragraph right after it; the heading stays", async () => {
    const page = await openPreview();
    const before = await paragraphs(page);
    const at = before.indexOf(SAMPLE_HEADING_2);
    expect(at).toBeGreaterThanOrEqual(0);
    const para = doc(page).locator("p[data-paragraph]").nth(at);
    const box = await para.boundingBox();
    // Inside the heading's text (a few characters in), not at its end.
    await para.click({ position: { x: Math.min(80, (box?.width ?? 100) / 4), y: (box?.height ?? 20) / 2 } });
    await para.locator('[aria-hidden="true"]').first().waitFor({ state: "attached" });
    const phrase = await insertFirstPhrase(page);
    expect(phrase.length).toBeGreaterThan(3);
    await page.getByText("已另起一段插入到所在段落之后，原有文字未改动。").waitFor();
    const after = await paragraphs(page);
    expect(after).toHaveLength(before.length + 1);
    expect(after[at]).toBe(SAMPLE_HEADING_2);
    expect(after[at + 1]).toBe(phrase);
    // Everything else is where it was.
    expect([...after.slice(0, at + 1), ...after.slice(at + 2)]).toEqual(before);
    await screenshot(page, "flows-phrase-after-heading");
  }, 180_000);

  it("下载文档 after a fix and 一键排版 gives a .docx whose texts are the document view's (and LibreOffice opens it)", async () => {
    const page = await openPreview();
    await runCheck(page);
    await fixableCard(page, "(二)").getByRole("button", { name: "修复", exact: true }).click();
    await waitForDoc(page, { has: "（二）正视工作中存在的突出问题", lacks: "(二)正视" });
    await page.getByText("已修复 1 处。").waitFor();
    await page.getByRole("tab", { name: "大纲" }).click();
    await page.getByRole("button", { name: "一键排版", exact: true }).click();
    await page.getByText(/^已排版 \d+ 段/).waitFor();
    const shownFont = (await looks(page, SAMPLE_HEADING_2)).fontFamily;

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载文档" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const dir = tempDir();
    const file = path.join(dir, "下载.docx");
    await download.saveAs(file);
    const back = readDocx(new Uint8Array(fs.readFileSync(file)));
    const texts = back.paragraphs.map((p) => p.text);
    expect(texts).toEqual(await paragraphs(page));
    expect(texts).toContain("（二）正视工作中存在的突出问题。");
    // The formatting went into the file too: the heading's font is the one the view shows.
    const headingRun = back.paragraphs.find((p) => p.text === SAMPLE_HEADING_2)?.runs[0];
    expect(headingRun?.fontEastAsia).toBeTruthy();
    expect(headingRun!.fontEastAsia).not.toBe("宋体");
    expect(shownFont).toContain(headingRun!.fontEastAsia!);
    await screenshot(page, "flows-download");
    await closePage(page);

    const soffice = findSoffice();
    if (!soffice) {
      console.warn("LibreOffice (soffice) 未安装：跳过 PDF 转换检查。");
      return;
    }
    const [pdf] = printToPdf(soffice, [file], path.join(dir, "pdf"), dir);
    expect(fs.existsSync(pdf)).toBe(true);
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
  }, 180_000);

  it("dark mode: page, document and pane (with results listed) are dark; no white area", async () => {
    const page = await openPreview({ colorScheme: "dark" });
    await runCheck(page);
    await screenshot(page, "flows-dark");
    const article = (await doc(page).boundingBox())!;
    const paneBox = (await pane(page).boundingBox())!;
    const card = (await cards(page).first().boundingBox())!;
    const points: Array<[string, number, number]> = [
      ["page top left", 1, 1],
      ["page top right", 1278, 1],
      ["page bottom left", 1, 898],
      ["page bottom right", 1278, 898],
      ["document", article.x + 10, article.y + 10],
      ["document middle", article.x + article.width / 2, article.y + Math.min(article.height, 800) / 2],
      ["pane top", paneBox.x + paneBox.width / 2, paneBox.y + 5],
      ["pane middle", paneBox.x + paneBox.width / 2, paneBox.y + Math.min(paneBox.height, 890 - paneBox.y) / 2],
      ["pane bottom", paneBox.x + paneBox.width / 2, Math.min(paneBox.y + paneBox.height, 899) - 5],
      ["a result card", card.x + card.width - 6, card.y + 4],
    ];
    const seen: Record<string, string> = {};
    for (const [name, x, y] of points) seen[name] = await shownBackground(page, x, y);
    const light = Object.entries(seen).filter(([, bg]) => !isDark(bg));
    expect(light).toEqual([]);
    // The text is light on it (not dark grey on dark grey).
    const color = await doc(page).locator("p[data-paragraph] span[data-start]").first().evaluate((el) => getComputedStyle(el).color);
    expect(isDark(color)).toBe(false);
  }, 180_000);
});

/** Paragraphs of the long draft that hold its three placeholders, far below the first screen. */
const STEP_PARAGRAPHS = [30, 60, 90];

/** A long draft: sound prose, an XX placeholder in each of STEP_PARAGRAPHS. */
function stepDraft(): string {
  const faulty = ["由XX牵头，会同有关部门每季度开展一次明察暗访。", "各单位要在月底前将整改情况报送XX，逐项销号。", "请XX同志负责，抓好督查通报工作。"];
  const lines = [SALUTATION, OPENING];
  while (lines.length < 100) {
    const k = STEP_PARAGRAPHS.indexOf(lines.length);
    lines.push(k >= 0 ? faulty[k] : SOUND_PROSE[lines.length % SOUND_PROSE.length]);
  }
  lines.push("谢谢大家。");
  return lines.join("\n");
}

/** Waits until the highlighted mark is in paragraph `index` and inside the visible part of the document. */
async function markShownIn(page: Page, index: number) {
  await page.waitForFunction((i) => {
    const sec = document.querySelector('section[aria-label="文档预览"]');
    const m = document.querySelector('article[aria-label="文档"] mark');
    if (!sec || !m || m.closest("p[data-paragraph]")?.getAttribute("data-paragraph") !== String(i)) return false;
    const a = sec.getBoundingClientRect();
    const b = m.getBoundingClientRect();
    return b.top >= a.top && b.bottom <= a.bottom;
  }, index);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
