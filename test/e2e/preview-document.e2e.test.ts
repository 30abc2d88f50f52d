/**
 * End-to-end, in headless Chromium on the built pages: the preview scrolls to a finding, gives the
 * document back (下载文档, 撤销, 写入批注, typing in a paragraph), has a dark mode, and the
 * taskpane has no white frame in the dark theme and no extra tab stop. Needs `npm run build` first
 * (or BIGANZI_DIST pointing at another build). Screenshots go to test-output/e2e/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { readDocx } from "../../src/core/reader";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static.js") as {
  serveStatic(dir: string, port?: number): Promise<{ server: import("http").Server; url: string }>;
};

const root = path.join(__dirname, "..", "..");
const dist = process.env.BIGANZI_DIST ? path.resolve(process.env.BIGANZI_DIST) : path.join(root, "dist");
const shots = path.join(root, "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** office.js comes from Microsoft's CDN inside Word; outside Word the pane renders without it. */
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;

let browser: Browser;
let server: import("http").Server;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, "preview.html"))) throw new Error(`${dist}/preview.html 不存在：请先运行 npm run build`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先运行 bash scripts/setup.sh`);
  fs.mkdirSync(shots, { recursive: true });
  ({ server, url: base } = await serveStatic(dist));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  pageErrors.length = 0;
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  // A loaded machine can take longer than the 30 s default for a check in the worker; each action
  // still returns as soon as its element is there.
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // Nothing leaves the machine: any request that is not to our own server is a failure.
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:") && !OFFICE_JS.test(u)) pageErrors.push(`外部请求：${u}`);
  });
  await page.route(OFFICE_JS, (route) => route.abort());
  return page;
}

async function openPreview(options?: BrowserContextOptions): Promise<Page> {
  const page = await newPage(options);
  await page.goto(base + "preview.html");
  await page.getByRole("tab", { name: "检查" }).waitFor();
  return page;
}

const doc = (page: Page) => page.getByRole("article", { name: "文档" });
const results = (page: Page) => page.getByRole("list", { name: "检查结果" }).getByRole("listitem");

async function runCheck(page: Page) {
  await page.getByRole("tab", { name: "检查" }).click();
  await page.getByRole("button", { name: "开始检查" }).click();
  await results(page).first().waitFor();
}

/** A long draft: sound prose, one placeholder near the end (far below the first screen). */
function longDraft(): string {
  const body = [
    "要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的根本标准，切实解决群众急难愁盼问题。",
    "各级领导干部要带头转变作风，深入基层调查研究，真正把情况摸清、把问题找准、把对策提实。",
    "要健全完善工作机制，明确责任分工，加强督促检查，确保各项任务按时保质完成。",
  ];
  const lines = ["同志们：", "今天召开会议，主要任务是总结工作、分析形势、部署任务。"];
  for (let i = 0; i < 90; i++) lines.push(body[i % body.length]);
  lines.push("由XX牵头，会同有关部门每季度开展一次明察暗访。");
  lines.push("谢谢大家。");
  return lines.join("\n");
}

/** The background colour an element shows: its own, or the nearest ancestor's that is not transparent. */
async function shownBackground(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([px, py]) => {
      for (let el = document.elementFromPoint(px, py); el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg && bg !== "transparent" && bg !== "rgba(0, 0, 0, 0)") return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    },
    [x, y],
  );
}

describe("the preview gives the document back", () => {
  it("scrolls the document to a finding far down and highlights it", async () => {
    const page = await openPreview();
    await page.getByLabel("打开文档").setInputFiles({ name: "长稿.txt", mimeType: "text/plain", buffer: Buffer.from(longDraft(), "utf8") });
    await page.getByText("当前：长稿.txt", { exact: false }).waitFor();
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
    await page.screenshot({ path: path.join(shots, "preview-scroll-to-finding.png") });
    await page.close();
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
    await page.screenshot({ path: path.join(shots, "preview-comments.png") });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载文档" }).click()]);
    expect(download.suggestedFilename()).toBe("示例讲话稿（内置）（修改后）.docx");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-dl-")), "out.docx");
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
    await page.close();
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
    await page.close();
  }, 180_000);
});

describe("dark mode and focus", () => {
  it("the preview follows prefers-color-scheme: dark paper, dark pane; the switch turns it light", async () => {
    const page = await openPreview({ colorScheme: "dark" });
    const article = await doc(page).boundingBox();
    expect(await shownBackground(page, article!.x + 10, article!.y + 10)).toBe("rgb(41, 41, 41)");
    const pane = await page.getByRole("complementary", { name: "任务窗格" }).boundingBox();
    expect(await shownBackground(page, pane!.x + pane!.width / 2, pane!.y + pane!.height - 5)).toBe("rgb(41, 41, 41)");
    await page.screenshot({ path: path.join(shots, "preview-dark.png") });
    await page.getByRole("switch", { name: "深色模式" }).click();
    expect(await shownBackground(page, article!.x + 10, article!.y + 10)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: path.join(shots, "preview-light.png") });
    await page.close();
  }, 180_000);

  it("the taskpane in a dark theme: no white frame and no white area below the content", async () => {
    const page = await newPage({ colorScheme: "dark", viewport: { width: 360, height: 800 } });
    await page.goto(base + "taskpane.html");
    await page.getByText("未能连接到文档", { exact: false }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe("0px");
    for (const [x, y] of [
      [1, 1],
      [358, 1],
      [1, 798],
      [180, 798],
      [358, 798],
    ]) {
      expect(await shownBackground(page, x, y)).toBe("rgb(41, 41, 41)");
    }
    await page.screenshot({ path: path.join(shots, "taskpane-dark.png") });
    await page.close();
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
    await page.close();
  }, 180_000);
});
