/**
 * An in-process stand-in for the check worker (test/taskpane only): it runs the real worker code
 * (handleCheckRequest) and structured-clones every message both ways, as postMessage does.
 */
import { deserialize, serialize } from "v8";
import { handleCheckRequest, type CheckReply, type CheckRequest } from "../../src/taskpane/checkJob";
import type { WorkerLike } from "../../src/taskpane/checkRunner";

/** The HTML structured clone (postMessage), as Node implements it. */
export const clone = <T>(v: T): T => deserialize(serialize(v)) as T;

/**
 * A worker that runs the real worker code in-process. Replies are queued and delivered one by one
 * when the test calls `step()` (or all with `finish()`), so a test sees each state of the pane.
 */
export class FakeWorker implements WorkerLike {
  static started = 0;
  onmessage: ((e: MessageEvent<CheckReply>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  requests = 0;
  private queue: CheckReply[] = [];

  constructor() {
    FakeWorker.started++;
  }

  postMessage(message: CheckRequest): void {
    const req = clone(message);
    this.requests++;
    handleCheckRequest(req, (r) => this.queue.push(clone(r)));
  }

  terminate(): void {
    this.terminated = true;
    this.queue = [];
  }

  /** Delivers the next reply; false when there is none. */
  step(): boolean {
    const next = this.queue.shift();
    if (!next || this.terminated) return false;
    this.onmessage?.({ data: next } as MessageEvent<CheckReply>);
    return true;
  }

  finish(): void {
    while (this.step());
  }
}

/** Waits (without timers of its own) until the runner has posted its request to the worker. */
export async function posted(w: () => FakeWorker | undefined): Promise<FakeWorker> {
  for (let i = 0; i < 100; i++) {
    const x = w();
    if (x && x.requests > 0) return x;
    await Promise.resolve();
  }
  throw new Error("the runner never posted to the worker");
}

