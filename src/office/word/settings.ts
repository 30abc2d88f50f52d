/**
 * The taskpane's per-document state (ignored findings and rules), kept in the document's own
 * settings so that it travels with the file.
 */
import type { DocumentState } from "../../core/host";

/** Key of our state in the document's settings. */
export const STATE_KEY = "biganzi.state";

export async function loadState(): Promise<DocumentState> {
  const empty: DocumentState = { ignoredFindings: [], ignoredRules: [] };
  const raw = Office.context.document.settings.get(STATE_KEY) as unknown;
  if (typeof raw !== "string") return empty;
  try {
    const v = JSON.parse(raw) as Partial<DocumentState>;
    return {
      ignoredFindings: Array.isArray(v.ignoredFindings) ? v.ignoredFindings.filter((x) => typeof x === "string") : [],
      ignoredRules: Array.isArray(v.ignoredRules) ? v.ignoredRules.filter((x) => typeof x === "string") : [],
    };
  } catch {
    return empty;
  }
}

export async function saveState(state: DocumentState): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(STATE_KEY, JSON.stringify(state));
  await new Promise<void>((resolve, reject) => {
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve()));
  });
}
