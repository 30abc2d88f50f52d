/**
 * The check worker: runs the built-in rules off the UI thread so the pane (and Word) never
 * freezes on a long document. Built by webpack from `new Worker(new URL(...))` in checkWorker.ts;
 * same origin, so the pages' CSP (script-src 'self', the fallback for worker-src) allows it.
 *
 * The spelling model is fetched by the first check that needs it (never when the worker starts),
 * decoded here once and kept for every later check this worker runs: the runner keeps one idle
 * worker between checks for that reason too. The decoder is part of this worker's script only.
 */
import { handleCheckRequest, SpellModelSource, type CheckReply, type CheckRequest } from "./checkJob";
import { loadSpellModel } from "./spellAsset";

// The DOM lib types `self` as Window; in a dedicated worker only these two members are used.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
};

const spell = new SpellModelSource(loadSpellModel);

scope.onmessage = (e) => {
  if (e.data?.type === "check") void handleCheckRequest(e.data, (reply) => scope.postMessage(reply), spell);
};
