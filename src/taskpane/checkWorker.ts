/**
 * Starts the check worker. Kept apart and loaded only where `Worker` exists: `import.meta.url` is
 * what webpack needs to emit the worker as its own script, and the CommonJS test build cannot
 * parse it.
 */
import type { WorkerLike } from "./checkRunner";

export function createCheckWorker(): WorkerLike {
  // The DOM's Worker types its handlers with `this: Worker`; the runner uses only the plain shape.
  return new Worker(new URL("./check.worker.ts", import.meta.url), { name: "biganzi-check" }) as unknown as WorkerLike;
}

/**
 * The spelling model loader for the main-thread fallback (the worker imports spellAsset itself).
 * It rides in this lazy chunk rather than one of its own: every lazy chunk adds its name and hash
 * to the pane's initial script, which must not grow.
 */
export { loadSpellModel } from "./spellAsset";
