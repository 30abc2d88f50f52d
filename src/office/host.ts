/**
 * Host and platform detection, and requirement-set checks. The only module allowed to import
 * @microsoft/office-js-helpers (project lint). The package is loaded lazily: its bundle reads
 * `window.Office`, which does not exist outside an add-in (jest, the CLI).
 */
import type * as OfficeHelpers from "@microsoft/office-js-helpers";
import type { HostCapabilities } from "../core/host";

export type Platform = "windows" | "mac" | "web" | "ios" | "unknown";

export interface HostInfo {
  /** "WORD" inside Word; "WEB" outside Office. */
  host: string;
  platform: Platform;
}

const PLATFORMS: Record<string, Platform> = {
  PC: "windows",
  MAC: "mac",
  OFFICE_ONLINE: "web",
  IOS: "ios",
  // Office.context.platform spellings (used when the helpers cannot run).
  OfficeOnline: "web",
  Mac: "mac",
  iOS: "ios",
  Universal: "windows",
};

let helpers: Promise<typeof OfficeHelpers | undefined> | undefined;

function loadHelpers(): Promise<typeof OfficeHelpers | undefined> {
  helpers ??= import("@microsoft/office-js-helpers").then(
    (m) => ((m as unknown as { default?: typeof OfficeHelpers }).default ?? m) as typeof OfficeHelpers,
    () => undefined,
  );
  return helpers;
}

/** Where the add-in runs: through office-js-helpers' Utilities, else Office.context directly. */
export async function detectHost(): Promise<HostInfo> {
  const h = await loadHelpers();
  if (h) {
    try {
      const host = h.Utilities.host;
      const platform = h.Utilities.platform;
      return { host: String(host ?? "WEB"), platform: (platform && PLATFORMS[platform]) || "unknown" };
    } catch {
      // The helpers need a browser window; fall through.
    }
  }
  const ctx = typeof Office !== "undefined" ? Office.context : undefined;
  if (!ctx) return { host: "WEB", platform: "unknown" };
  const host = ctx.host ? String(ctx.host).toUpperCase() : "WEB";
  const platform = ctx.platform ? PLATFORMS[String(ctx.platform)] ?? (String(ctx.platform) === "PC" ? "windows" : "unknown") : "unknown";
  return { host, platform };
}

/** True in Word on the web, where payload limits apply to getOoxml. */
export async function isWordOnTheWeb(): Promise<boolean> {
  return (await detectHost()).platform === "web";
}

/** `Office.context.requirements.isSetSupported`, false when Office is absent or the check throws. */
export function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/** What this Word can do; decided once per gateway. */
export interface WordFeatures extends HostCapabilities {
  /** WordApi 1.3: table paragraphs, listItem, Range.expandTo. */
  api13: boolean;
  /** WordApi 1.4: comments, change tracking mode. */
  api14: boolean;
  /** WordApi 1.5: getStyles / addStyle. */
  api15: boolean;
  /** WordApiDesktop 1.3: Font.nameFarEast. */
  farEastFont: boolean;
}

export function detectFeatures(): WordFeatures {
  const api14 = supports("WordApi", "1.4");
  const api15 = supports("WordApi", "1.5");
  return {
    api13: supports("WordApi", "1.3"),
    api14,
    api15,
    farEastFont: supports("WordApiDesktop", "1.3"),
    comments: api14,
    stylesApi: api15,
    selectionEvents: supports("DocumentEvents", "1.1") || hasSelectionEvents(),
  };
}

function hasSelectionEvents(): boolean {
  // DocumentEvents is not always declared as a set; the event API itself is the real test.
  return typeof Office !== "undefined" && typeof Office.context?.document?.addHandlerAsync === "function";
}
