/**
 * What every browser test shares: the built pages served on 127.0.0.1, one headless Chromium per
 * test file (Debian's `chromium`, driven by playwright-core), a fresh browser context per page,
 * the page helpers (open a file, run 检查, wait for a state of the document — never for time) and
 * screenshots in test-output/e2e/. Needs `npm run build` first (npm test does it), or
 * BIGANZI_DIST pointing at another build; CHROMIUM_PATH for another browser.
 *
 * A test file calls `useBrowser()` once at its top: it starts the server and the browser before
 * the file's tests, closes them after, closes each test's pages (and removes its tempDir folders)
 * when it ends, and fails any test during which a page threw or tried to reach anything but our
 * own server.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static.js") as {
  serveStatic(dir: string, port?: number): Promise<{ server: import("http").Server; url: string }>;
};

export const root = path.join(__dirname, "..", "..");
const dist = process.env.BIGANZI_DIST ? path.resolve(process.env.BIGANZI_DIST) : path.join(root, "dist");
export const shotsDir = path.join(root, "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** office.js comes from Microsoft's CDN inside Word; outside Word the pane renders without it. */
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;

let browser: Browser | undefined;
let server: import("http").Server | undefined;
let base = "";
const pageErrors: string[] = [];
/** The contexts the running test opened: closed after it, passed or failed. */
const contexts = new Set<BrowserContext>();
/** Folders the running test asked for: removed after it. */
const folders: string[] = [];

/** Starts the server and the browser for this test file's tests; checks every test left no page error. */
export function useBrowser(): void {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, "preview.html"))) throw new Error(`${dist}/preview.html 不存在：请先运行 npm run build`);
    if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先运行 bash scripts/setup.sh`);
    fs.mkdirSync(shotsDir, { recursive: true });
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

  afterEach(async () => {
    await Promise.all([...contexts].map((c) => c.close()));
    contexts.clear();
    for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
    // Taken out first, so that one failing test does not fail every test after it.
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });
}

/** A new empty folder for this test's files (downloads, LibreOffice's output), removed after it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-e2e-"));
  folders.push(dir);
  return dir;
}

/** The address of a built page, e.g. url("taskpane.html"). */
export const url = (page: string) => base + page;

/** A page in a context of its own (downloads accepted), watched for errors and outside requests. */
export async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  if (!browser) throw new Error("useBrowser() was not called in this test file");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  contexts.add(context);
  const page = await context.newPage();
  // The machine is shared and loaded: a check in the worker can take longer than the 30 s default.
  // Each wait still returns as soon as its state is reached.
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

/** The preview page with its built-in sample, once the pane's tabs are there. */
export async function openPreview(options?: BrowserContextOptions): Promise<Page> {
  const page = await newPage(options);
  await page.goto(url("preview.html"));
  await page.getByRole("tab", { name: "检查" }).waitFor();
  return page;
}

/** Closes the page with its context before the test ends (to free the memory for what the test does next). */
export async function closePage(page: Page): Promise<void> {
  contexts.delete(page.context());
  await page.context().close();
}

export const doc = (page: Page) => page.getByRole("article", { name: "文档" });
export const pane = (page: Page) => page.getByRole("complementary", { name: "任务窗格" });
export const resultList = (page: Page) => page.getByRole("list", { name: "检查结果" });
export const results = (page: Page) => resultList(page).getByRole("listitem");
/** The cards (a collapsed group leaves only its heading's list item, without card buttons). */
export const cards = (page: Page) => results(page).filter({ has: page.getByRole("button", { name: "忽略此处" }) });
export const summary = (page: Page) => page.getByRole("status").filter({ hasText: /^(共 \d+ 处|没有发现问题)/ });
/** The document view's paragraphs, trimmed. */
export const paragraphs = async (page: Page) => (await doc(page).locator("p[data-paragraph]").allTextContents()).map((t) => t.trim());

/**
 * Opens a document with 打开文档: a file on disk, or a text made by the test. Returns once the
 * preview says it is the current one.
 */
export async function openFile(page: Page, file: string | { name: string; text: string }): Promise<void> {
  const input = page.getByLabel("打开文档");
  if (typeof file === "string") await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: "text/plain", buffer: Buffer.from(file.text, "utf8") });
  await page.getByText(`当前：${typeof file === "string" ? path.basename(file) : file.name}`, { exact: false }).waitFor();
}

/** 检查 → 开始检查, until the summary and the first result are listed. */
export async function runCheck(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "检查" }).click();
  const start = page.getByRole("button", { name: "开始检查" });
  await start.click();
  // A re-check keeps the old list on screen while it runs: wait for the button to come back.
  await start.and(page.locator(":enabled")).waitFor();
  await summary(page).waitFor();
  await results(page).first().waitFor();
}

/** 提示语: inserts the first phrase offered for the cursor's place; returns the phrase. */
export async function insertFirstPhrase(page: Page): Promise<string> {
  await page.getByRole("tab", { name: "提示语" }).click();
  const first = page.getByRole("list", { name: "提示语" }).getByRole("button").first();
  await first.waitFor();
  // The button shows the kind (套话, 排比…) and then the phrase itself.
  const phrase = (await first.locator("span").last().innerText()).trim();
  await first.click();
  return phrase;
}

/** Waits until the document view's text satisfies `want` (the host applies edits asynchronously). */
export async function waitForDoc(page: Page, want: { has?: string; lacks?: string }): Promise<void> {
  await page.waitForFunction(({ has, lacks }) => {
    const t = document.querySelector('article[aria-label="文档"]')?.textContent ?? "";
    return (has === undefined || t.includes(has)) && (lacks === undefined || !t.includes(lacks));
  }, want);
}

/** Saves what the page shows as test-output/e2e/<name>.png (for a person to look at) and returns it. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** The background colour shown at a point: the element's own, or the nearest ancestor's that is not transparent. */
export async function shownBackground(page: Page, x: number, y: number): Promise<string> {
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

const channels = (rgb: string) => /^rgba?\((\d+), (\d+), (\d+)/.exec(rgb)?.slice(1, 4).map(Number);

/** Dark enough that nobody would call it a white (or light) area: every channel well below the middle. */
export function isDark(rgb: string): boolean {
  const c = channels(rgb);
  return !!c && c.every((v) => v < 90);
}

/** Light enough to read dark text on: every channel well above the middle. */
export function isLight(rgb: string): boolean {
  const c = channels(rgb);
  return !!c && c.every((v) => v >= 200);
}

/** Correct prose of a speech, used to fill long drafts between the faults a test plants. */
export const SOUND_PROSE = [
  "要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的根本标准，切实解决群众急难愁盼问题。",
  "各级领导干部要带头转变作风，深入基层调查研究，真正把情况摸清、把问题找准、把对策提实。",
  "要健全完善工作机制，明确责任分工，加强督促检查，确保各项任务按时保质完成。",
];
export const SALUTATION = "同志们：";
export const OPENING = "今天召开会议，主要任务是总结工作、分析形势、部署任务。";
