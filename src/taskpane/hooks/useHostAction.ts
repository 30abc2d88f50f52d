/**
 * One host action at a time, with what the clerk sees of it: busy while it runs, one Chinese
 * sentence with 重试 when it fails, a notice when it succeeds. Shared by the three tabs so that
 * each shows the same status block (StatusBlock.tsx) the same way.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { userMessage } from "../errors";

export interface ActionError<B = unknown> {
  text: string;
  /** Runs the failed action again. */
  retry: () => void;
  /** What was running when it failed (a tab with several status blocks shows it in that one). */
  during?: B;
}

export interface RunOptions {
  /** Keep the notice of an earlier action on screen (a refresh after a change says nothing itself). */
  keepNotice?: boolean;
  /** Put before the error sentence (「忽略设置未能保存到文档：」). */
  errorPrefix?: string;
  /** What 重试 does instead of running the same action again with the same options. */
  retry?: () => void;
}

/** What an action may use while it runs. */
export interface ActionContext {
  /** False once the component is gone: state set after that is lost, so the action may stop early. */
  alive(): boolean;
}

export interface HostAction<B, N> {
  /** What is running (the caller's label key), or undefined. */
  busy: B | undefined;
  error: ActionError<B> | undefined;
  notice: N | undefined;
  /**
   * Runs `action` with `busy` set; its returned notice (if any) is shown when it succeeds; a throw
   * becomes the error with 重试. Resolves when done, never rejects.
   */
  run(busy: B, action: (ctx: ActionContext) => Promise<N | void>, options?: RunOptions): Promise<void>;
  setNotice(notice: N | undefined): void;
  setError(error: ActionError<B> | undefined): void;
  /** For actions with a lifecycle of their own (a cancellable check): set busy directly. */
  setBusy(busy: B | undefined): void;
  alive(): boolean;
}

export function useHostAction<B, N>(): HostAction<B, N> {
  const [busy, setBusyState] = useState<B>();
  const [error, setErrorState] = useState<ActionError<B>>();
  const [notice, setNoticeState] = useState<N>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const alive = useCallback(() => mounted.current, []);
  // State setters that do nothing once unmounted (an answer from Word can come after the pane closed).
  const setBusy = useCallback((b: B | undefined) => void (mounted.current && setBusyState(() => b)), []);
  const setError = useCallback((e: ActionError<B> | undefined) => void (mounted.current && setErrorState(e)), []);
  const setNotice = useCallback((n: N | undefined) => void (mounted.current && setNoticeState(() => n)), []);

  const run = useCallback(
    async function runAction(kind: B, action: (ctx: ActionContext) => Promise<N | void>, options: RunOptions = {}): Promise<void> {
      setBusy(kind);
      setError(undefined);
      if (!options.keepNotice) setNotice(undefined);
      try {
        const done = await action({ alive });
        if (done !== undefined) setNotice(done);
      } catch (e) {
        setError({
          text: (options.errorPrefix ?? "") + userMessage(e),
          retry: options.retry ?? (() => void runAction(kind, action, options)),
          during: kind,
        });
      } finally {
        setBusy(undefined);
      }
    },
    [alive, setBusy, setError, setNotice],
  );

  return { busy, error, notice, run, setNotice, setError, setBusy, alive };
}
