/** The speaking pace the 大纲 tab's times use, remembered in the taskpane store, and how times read. */
import type { KeyValueStore } from "../../core/host";
import { DEFAULT_CHARS_PER_MINUTE } from "../../core/outline/actions";

export const PACE_KEY = "outline.pace";
export const PACE_MIN = 60;
export const PACE_MAX = 600;

/** A pace the clerk typed, or undefined when it is not a whole number in PACE_MIN…PACE_MAX. */
export function parsePace(raw: string): number | undefined {
  const s = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= PACE_MIN && n <= PACE_MAX ? n : undefined;
}

export function loadPace(store: KeyValueStore | undefined): number {
  return parsePace(store?.get(PACE_KEY) ?? "") ?? DEFAULT_CHARS_PER_MINUTE;
}

export function savePace(store: KeyValueStore | undefined, pace: number): void {
  store?.set(PACE_KEY, String(pace));
}

/** 0 → 「0秒」, 45 → 「45秒」, 60 → 「1分钟」, 85 → 「1分25秒」, 3600 → 「60分钟」. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r === 0 ? `${m}分钟` : `${m}分${r}秒`;
}
