/**
 * The status of a tab's (or a section's) host actions, the same everywhere: a small spinner while
 * busy, the error sentence with 重试, and the notice with its follow-up buttons.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { ReactNode, Ref } from "react";
import type { ActionError } from "./hooks/useHostAction";

export interface StatusNotice {
  intent: "success" | "warning" | "info" | "error";
  text: string;
}

export interface StatusBlockProps {
  /** The busy label (「正在排版…」), or undefined when idle. */
  busy?: string;
  error?: ActionError<unknown>;
  notice?: StatusNotice;
  /** Buttons offered with the notice (撤销, 重新检查, 重新编号). */
  noticeActions?: ReactNode;
  /** The notice takes the focus after some actions (it says what 撤销 put back). */
  noticeRef?: Ref<HTMLDivElement>;
  /** 重试 is disabled while another action runs. */
  disabled?: boolean;
  /** Label of the retry button (「重新载入」 for the phrase library). */
  retryLabel?: string;
}

export function StatusBlock({ busy, error, notice, noticeActions, noticeRef, disabled, retryLabel = "重试" }: StatusBlockProps) {
  return (
    <>
      {busy !== undefined && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error.text}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={error.retry} disabled={disabled}>
              {retryLabel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} ref={noticeRef} tabIndex={noticeRef ? -1 : undefined}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          {noticeActions && <MessageBarActions>{noticeActions}</MessageBarActions>}
        </MessageBar>
      )}
    </>
  );
}
