/**
 * End-to-end: the real taskpane on the built preview page, in headless Chromium (Debian's
 * `chromium`, driven by playwright-core). Needs `npm run build` first (npm test does it).
 * Screenshots go to test-output/e2e/.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static.js") as {
  serveStatic(dir: string, port?: number): Promise<{ server: import("http").Server; url: string }>;
};

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const shots = path.join(root, "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

let browser: Browser;
let server: import("http").Server;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, "preview.html"))) throw new Error("dist/preview.html 不存在：请先运行 npm run build");
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

async function openPreview(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // Nothing leaves the machine: any request that is not to our own server is a failure.
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) pageErrors.push(`外部请求：${r.url()}`);
  });
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

describe("preview in Chromium", () => {
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it("runs a check and lists the sample's real faults", async () => {
    const page = await openPreview();
    await runCheck(page);
    const n = await results(page).count();
    expect(n).toBeGreaterThanOrEqual(5);
    const text = await page.getByRole("list", { name: "检查结果" }).innerText();
    expect(text).toContain("(二)");
    expect(text).toMatch(/讲三点意见/);
    expect(text).toContain("20xx");
    await page.screenshot({ path: path.join(shots, "check.png") });
    await page.close();
  }, 180_000);

  it("selects a finding's text in the document when clicked", async () => {
    const page = await openPreview();
    await runCheck(page);
    // The marker's own finding (the hierarchy warning about the same marker comes first in its group).
    const item = results(page).filter({ hasText: "序号“(二)”" }).first();
    await item.getByText("序号“(二)”", { exact: false }).click();
    await expect(doc(page).locator("mark").first().innerText()).resolves.toBe("(二)");
    await page.screenshot({ path: path.join(shots, "select.png") });
    await page.close();
  }, 180_000);

  it("fixes a finding and the document changes", async () => {
    const page = await openPreview();
    await runCheck(page);
    expect(await doc(page).innerText()).toContain("(二)正视工作中存在的突出问题");
    await results(page).filter({ hasText: "序号“(二)”" }).first().getByRole("button", { name: "修复", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("（二）正视工作中存在的突出问题"));
    expect(await doc(page).innerText()).not.toContain("(二)正视");
    await page.screenshot({ path: path.join(shots, "fix.png") });
    await page.close();
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
    await page.screenshot({ path: path.join(shots, "ignore.png") });
    await page.close();
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
    await page.screenshot({ path: path.join(shots, "skeleton.png") });
    await page.close();
  }, 180_000);

  it("inserts a suggested phrase at the cursor", async () => {
    const page = await openPreview();
    await doc(page).getByText("机关作风好不好", { exact: false }).click();
    await page.getByRole("tab", { name: "提示语" }).click();
    const first = page.getByRole("list", { name: "提示语" }).getByRole("button").first();
    await first.waitFor();
    // The button shows the kind (套话, 排比…) and then the phrase itself.
    const phrase = (await first.locator("span").last().innerText()).trim();
    expect(phrase.length).toBeGreaterThan(3);
    await first.click();
    await page.waitForFunction((t) => document.querySelector('article[aria-label="文档"]')?.textContent?.includes(t), phrase);
    await page.screenshot({ path: path.join(shots, "phrase.png") });
    await page.close();
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
    await page.getByRole("tab", { name: "提示语" }).click();
    const first = page.getByRole("list", { name: "提示语" }).getByRole("button").first();
    await first.waitFor();
    const phrase = (await first.locator("span").last().innerText()).trim();
    await first.click();
    await page.getByText("已另起一段插入到所在段落之后，原有文字未改动。").waitFor();
    let after = await paragraphs();
    expect(after[at].trim()).toBe(heading);
    expect(after[at + 1].trim()).toBe(phrase);
    expect(after).toHaveLength(before.length + 1);

    // the 大纲 tree selects the heading it jumps to; a phrase must not replace it
    await page.getByRole("tab", { name: "大纲" }).click();
    await page.getByRole("treeitem").filter({ hasText: "提高思想认识" }).first().click();
    await page.getByRole("tab", { name: "提示语" }).click();
    const again = page.getByRole("list", { name: "提示语" }).getByRole("button").first();
    await again.waitFor();
    await again.click();
    await page.waitForFunction((n) => document.querySelectorAll('article[aria-label="文档"] p').length > n, after.length);
    after = await paragraphs();
    expect(after[at].trim()).toBe(heading);
    await page.screenshot({ path: path.join(shots, "phrase-heading.png") });
    await page.close();
  }, 180_000);

  it("opens a .docx the user picks with 打开文档", async () => {
    const page = await openPreview();
    await page.getByLabel("打开文档").setInputFiles(path.join(root, "test", "fixtures", "docx", "gongwen.docx"));
    await page.waitForFunction(() => document.querySelector('article[aria-label="文档"]')?.textContent?.includes("关于做好2024年安全生产工作的通知"));
    await runCheck(page);
    await page.screenshot({ path: path.join(shots, "docx.png") });
    await page.close();
  }, 180_000);
});

/** About `bytes` of UTF-8 draft: sound prose with a few real faults scattered through it. */
function bigDraft(bytes: number): string {
  const lines = ["同志们：", "今天召开会议，主要任务是总结工作、分析形势、部署任务。下面，我讲三点意见。"];
  const body = [
    "要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的根本标准，切实解决群众急难愁盼问题。",
    "各级领导干部要带头转变作风，深入基层调查研究，真正把情况摸清、把问题找准、把对策提实。",
    "要健全完善工作机制，明确责任分工，加强督促检查，确保各项任务按时保质完成。",
  ];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = i % 97 === 0 ? "要加强对处臵突发事件工作的领导,确保XX同志的责任落实到位。" : body[i % body.length];
    lines.push(line);
    size += Buffer.byteLength(line, "utf8") + 1;
  }
  return lines.join("\n");
}

describe("the check of a large document in Chromium", () => {
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it("runs in a Web Worker under the page's CSP and lists the findings of a 1 MB document a page at a time", async () => {
    const page = await openPreview();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    const text = bigDraft(1024 * 1024);
    await page.getByLabel("打开文档").setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.from(text, "utf8") });
    await page.getByText("当前：big.txt", { exact: false }).waitFor();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByRole("status").filter({ hasText: /^共 \d+ 处/ }).waitFor({ timeout: 120_000 });
    expect(workers.some((u) => /biganzi-check\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    const summary = await page.getByRole("status").filter({ hasText: /^共 \d+ 处/ }).innerText();
    // 处臵 and XX once every 97 lines: hundreds of findings, listed a page at a time.
    expect(Number(/^共 (\d+) 处/.exec(summary)?.[1])).toBeGreaterThan(200);
    await expect(results(page).count()).resolves.toBe(200);
    await page.getByRole("button", { name: /^再显示 \d+ 处（已显示 200 处，共 \d+ 处）$/ }).waitFor();
    await page.screenshot({ path: path.join(shots, "check-big.png") });
    await page.close();
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
    await page.screenshot({ path: path.join(shots, "check-progress.png") });
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消检查。").waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
    await expect(page.getByRole("list", { name: "检查结果" }).count()).resolves.toBe(0);
    release();
    await runCheck(page);
    expect(await results(page).count()).toBeGreaterThanOrEqual(5);
    expect(heldOnce).toBe(true);
    await page.close();
  }, 120_000);
});
