/**
 * Stand-ins for the spelling model tests (test/taskpane only): a model object, a loader resolved by
 * hand, and a check worker that runs the real worker code with its own model source, as
 * check.worker.ts does, structured-cloning every message and answering in later tasks.
 */
import type { SpellModel } from "../../src/core/spell/types";
import { handleCheckRequest, type CheckReply, type CheckRequest, type SpellModelSource } from "../../src/taskpane/checkJob";
import type { WorkerLike } from "../../src/taskpane/checkRunner";
import { clone } from "./fakeCheckWorker";

/** Stands for a decoded model: the job only passes it on, so any object it can recognise will do. */
export const FAKE_MODEL = { version: 1, nChars: 0 } as unknown as SpellModel;

/** A loader the test resolves or rejects by hand, counting its calls. */
export function deferredLoader() {
  const calls: Array<{ resolve: (m: SpellModel) => void; reject: (e: unknown) => void }> = [];
  const load = jest.fn(
    () =>
      new Promise<SpellModel>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { load, calls };
}

export class SpellWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<CheckReply>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  constructor(readonly spell: SpellModelSource) {}
  postMessage(message: CheckRequest): void {
    const req = clone(message);
    setTimeout(() => {
      void handleCheckRequest(
        req,
        (r) => {
          const data = clone(r);
          setTimeout(() => {
            if (!this.terminated) this.onmessage?.({ data } as MessageEvent<CheckReply>);
          }, 0);
        },
        this.spell,
      );
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}
