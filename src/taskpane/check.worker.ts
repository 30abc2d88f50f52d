/**
 * The check worker: runs the built-in rules off the UI thread so the pane (and Word) never
 * freezes on a long document. Built by webpack from `new Worker(new URL(...))` in checkWorker.ts;
 * same origin, so the pages' CSP (script-src 'self', the fallback for worker-src) allows it.
 */
import { handleCheckRequest, type CheckReply, type CheckRequest } from "./checkJob";

// The DOM lib types `self` as Window; in a dedicated worker only these two members are used.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
};

scope.onmessage = (e) => {
  if (e.data?.type === "check") handleCheckRequest(e.data, (reply) => scope.postMessage(reply));
};
