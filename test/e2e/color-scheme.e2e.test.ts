/**
 * Dark and light mode as a person sees them (issue #12, Look): the system's colour scheme is
 * emulated (prefers-color-scheme), a real .docx is opened in the preview and checked, and then
 * the picture itself is judged — the screenshot's pixels cut into tiles, no large area of the
 * wrong brightness anywhere (a white frame, a white area below the content, a white card) — as
 * well as the colours the page's layers compute. Screenshots: test-output/e2e/{dark,light}-*.png.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { cards, doc, isDark, isLight, newPage, openFile, root, runCheck, screenshot, shownBackground, url, useBrowser } from "./harness";
import { decodePng, nearDark, nearWhite, shareOf, tilesOf, type Pixels, type Tile } from "./png";

useBrowser();

type Scheme = "dark" | "light";

/** Fluent's neutral background (colorNeutralBackground1) in each scheme: the pane's, the paper's and the cards'. */
const PANE_BACKGROUND: Record<Scheme, string> = { dark: "rgb(41, 41, 41)", light: "rgb(255, 255, 255)" };

const GONGWEN = path.join(root, "test", "fixtures", "docx", "gongwen.docx");

/** What a scheme forbids: large white areas in the dark, large black ones in the light. */
const WRONG = {
  dark: { pixel: nearWhite, colour: (c: string) => !isDark(c), name: "white" },
  light: { pixel: nearDark, colour: (c: string) => !isLight(c), name: "dark" },
} as const;

/**
 * The colour shown by each layer of the page, from the root down, and at the places below the
 * content: the bottom of the page under the document and under the pane, and the pane's own
 * space below its last child (when its content is shorter than the pane).
 */
async function layerColours(page: Page): Promise<Record<string, string>> {
  const points = await page.evaluate(() => {
    const h = window.innerHeight;
    const w = window.innerWidth;
    const out: Record<string, [number, number]> = {
      "page top left": [1, 1],
      "page top right": [w - 2, 1],
      "page bottom left": [1, h - 2],
      "page bottom right": [w - 2, h - 2],
      "page bottom middle": [w / 2, h - 2],
    };
    const aside = document.querySelector('aside[aria-label="任务窗格"]');
    if (aside) {
      const a = aside.getBoundingClientRect();
      const root = aside.firstElementChild;
      const r = root?.getBoundingClientRect();
      out["pane root"] = [a.left + a.width / 2, Math.min(a.bottom, h) - 4];
      if (r) {
        const lowest = Math.max(...[...(root?.children ?? [])].map((c) => c.getBoundingClientRect().bottom), r.top);
        // Only where there is such space on screen.
        if (lowest + 4 < Math.min(a.bottom, h)) out["pane below its content"] = [a.left + a.width / 2, (lowest + Math.min(a.bottom, h)) / 2];
      }
    }
    return out;
  });
  const seen: Record<string, string> = {};
  for (const [name, [x, y]] of Object.entries(points)) seen[name] = await shownBackground(page, x, y);
  // The layers' own colours (or the one below them where they paint none).
  Object.assign(
    seen,
    await page.evaluate(() => {
      // Where nothing paints, the canvas shows: white, or dark where html declares a dark color-scheme.
      const probe = document.documentElement.appendChild(document.createElement("div"));
      probe.style.backgroundColor = "Canvas";
      const canvas = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const shown = (el: Element | null | undefined): string => {
        for (let e = el ?? null; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && bg !== "transparent" && bg !== "rgba(0, 0, 0, 0)") return bg;
        }
        return canvas;
      };
      return {
        html: shown(document.documentElement),
        body: shown(document.body),
        "pane element": shown(document.querySelector('aside[aria-label="任务窗格"]')?.firstElementChild),
      };
    }),
  );
  return seen;
}

/** Tiles of the screenshot that are large areas of the wrong brightness, as "x,y" for a readable failure. */
function wrongAreas(px: Pixels, scheme: Scheme): string[] {
  return tilesOf(px, WRONG[scheme].pixel).map((t: Tile) => `${t.x},${t.y}`);
}

describe.each<Scheme>(["dark", "light"])("prefers-color-scheme: %s", (scheme) => {
  it(`the preview with a .docx opened and checked: no large ${WRONG[scheme].name} area, every layer follows the scheme, and a change of it`, async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url("preview.html"));
    await openFile(page, GONGWEN);
    await runCheck(page);
    // The results are on screen, the document is shown (its text, not just its frame).
    await cards(page).first().waitFor();
    await expect(doc(page).innerText()).resolves.toContain("关于做好2024年安全生产工作的通知");
    const px = decodePng(new Uint8Array(await screenshot(page, `${scheme}-preview`)));
    expect(wrongAreas(px, scheme)).toEqual([]);
    // Thin text of the opposite brightness is fine; a few percent of the screen is a panel.
    expect(shareOf(px, WRONG[scheme].pixel)).toBeLessThan(0.05);
    const colours = await layerColours(page);
    expect(Object.keys(colours)).toEqual(expect.arrayContaining(["html", "body", "pane root", "pane element", "page bottom middle"]));
    expect(Object.entries(colours).filter(([, c]) => WRONG[scheme].colour(c))).toEqual([]);
    // The paper and the cards follow too, and their text stays readable on them.
    const article = (await doc(page).boundingBox())!;
    const card = (await cards(page).first().boundingBox())!;
    for (const [x, y] of [
      [article.x + 10, article.y + 10],
      [card.x + card.width - 6, card.y + 4],
    ])
      expect(WRONG[scheme].colour(await shownBackground(page, x, y))).toBe(false);
    const text = await doc(page).locator("p[data-paragraph] span[data-start]").first().evaluate((el) => getComputedStyle(el).color);
    expect(scheme === "dark" ? isDark(text) : isLight(text)).toBe(false);

    // The system switches scheme while the page is open: paper and pane follow, without a reload.
    const other: Scheme = scheme === "dark" ? "light" : "dark";
    await page.emulateMedia({ colorScheme: other });
    await page.waitForFunction(
      ([points, want]) =>
        points.every(([x, y]) => {
          for (let el = document.elementFromPoint(x, y); el; el = el.parentElement) {
            const bg = getComputedStyle(el).backgroundColor;
            if (bg && bg !== "transparent" && bg !== "rgba(0, 0, 0, 0)") return bg === want;
          }
          return false;
        }),
      [
        [
          [article.x + 10, article.y + 10],
          [card.x + card.width - 6, card.y + 4],
        ],
        PANE_BACKGROUND[other],
      ] as const,
    );
  }, 60_000);

  it(`the taskpane outside Word: no ${WRONG[scheme].name} frame and no ${WRONG[scheme].name} area below the content`, async () => {
    const page = await newPage({ viewport: { width: 360, height: 800 } });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url("taskpane.html"));
    await page.getByText("未能连接到文档", { exact: false }).waitFor({ timeout: 15_000 });
    expect(wrongAreas(decodePng(new Uint8Array(await screenshot(page, `${scheme}-taskpane`))), scheme)).toEqual([]);
    // No frame around the pane (body margin) and the pane's own background to every edge and below its content.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe("0px");
    const corners: Array<[number, number]> = [
      [1, 1],
      [358, 1],
      [1, 798],
      [180, 798],
      [358, 798],
    ];
    for (const [x, y] of corners) expect(await shownBackground(page, x, y)).toBe(PANE_BACKGROUND[scheme]);
  }, 60_000);
});
