/**
 * Host and platform detection, and requirement-set checks. The only module allowed to import
 * @microsoft/office-js-helpers (project lint). The package is loaded lazily: its bundle reads
 * `window.Office`, which does not exist outside an add-in (jest, the CLI).
 */
import type * as OfficeHelpers from "@microsoft/office-js-helpers";
import type { HostCapabilities } from "../core/host";
import { memoryStore, type KeyValueStore } from "../core/host";

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

/** localStorage when the browser gives access to it (it throws in some locked-down hosts). */
function browserLocalStorage(): globalThis.Storage | undefined {
  try {
    const ls = typeof window !== "undefined" ? window.localStorage : undefined;
    if (!ls) return undefined;
    const probe = "@biganzi-probe";
    ls.setItem(probe, "1");
    ls.removeItem(probe);
    return ls;
  } catch {
    return undefined;
  }
}

/** Reads a stored value back as a string; anything else (missing, not a string) is undefined. */
const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * A key-value store that survives closing Word (the clerk's favourites and own phrases):
 * office-js-helpers' Storage over localStorage, keys scoped as "@<name>/<key>". Falls back to
 * localStorage directly (same keys and encoding) when the package cannot load, and to memory when
 * localStorage is unavailable.
 */
export async function createStore(name: string): Promise<KeyValueStore> {
  const ls = browserLocalStorage();
  if (!ls) return memoryStore();
  const h = await loadHelpers();
  if (h) {
    try {
      const s = new h.Storage<string>(name, h.StorageType.LocalStorage);
      return {
        get: (key) => asString(s.get(key)),
        set: (key, value) => void s.set(key, value),
        remove: (key) => {
          try {
            s.delete(key);
          } catch {
            // not there: nothing to remove
          }
        },
      };
    } catch {
      // fall through to plain localStorage
    }
  }
  const scoped = (key: string) => `@${name}/${key}`;
  return {
    get: (key) => {
      const raw = ls.getItem(scoped(key));
      if (raw === null) return undefined;
      try {
        return asString(JSON.parse(raw));
      } catch {
        return raw;
      }
    },
    set: (key, value) => ls.setItem(scoped(key), JSON.stringify(value)),
    remove: (key) => ls.removeItem(scoped(key)),
  };
}
