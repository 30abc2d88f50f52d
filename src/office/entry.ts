/**
 * Starting the taskpane inside Word: waits for Office.onReady (or gives up after a timeout when
 * office.js is missing, e.g. a plain browser), then hands the taskpane a Word host and the theme.
 */
import type { DocumentHost } from "../core/host";
import { WordDocumentHost } from "./wordHost";

export interface OfficeStart {
  /** The Word document, or undefined outside Word. */
  host?: DocumentHost;
  /** Office's theme; undefined when Office does not say (the pane then follows the system's). */
  theme?: "light" | "dark";
}

/** Dark when Office says so, or when its body background is dark; undefined when Office does not tell. */
export function officeTheme(): "light" | "dark" | undefined {
  if (typeof Office === "undefined") return undefined;
  const t = Office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (!t) return undefined;
  if (typeof t.isDarkTheme === "boolean") return t.isDarkTheme ? "dark" : "light";
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(t.bodyBackgroundColor ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

/** Calls `render` once: with a Word host when running in Word, without one otherwise. */
export function startOffice(render: (start: OfficeStart) => void, timeoutMs = 3000): void {
  let done = false;
  const once = (inWord: boolean) => {
    if (done) return;
    done = true;
    render(inWord ? { host: new WordDocumentHost(), theme: officeTheme() } : {});
  };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    once(false);
    return;
  }
  Office.onReady((info) => once(info.host === Office.HostType.Word)).catch(() => once(false));
  setTimeout(() => once(false), timeoutMs);
}
