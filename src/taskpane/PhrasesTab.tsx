/**
 * 提示语: the heading the cursor sits under, and stock phrases for it; a click inserts one at
 * the cursor as plain text. Follows the cursor (debounced; a late answer to an older request is
 * dropped).
 */
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CursorContext } from "../core/host";
import { userMessage } from "./errors";
import { headingLevelOfText } from "./headings";
import { useHost } from "./hostContext";
import { PHRASE_KIND_LABEL, suggestPhrases, type PhraseProvider } from "./interimPhrases";

export const CURSOR_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px" },
  where: {
    padding: "6px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "6px" },
  phrase: { justifyContent: "flex-start", textAlign: "left", height: "auto", padding: "6px 8px", fontWeight: tokens.fontWeightRegular },
  kind: { color: tokens.colorNeutralForeground3, marginRight: "6px", flexShrink: 0 },
});

export interface PhrasesTabProps {
  provider?: PhraseProvider;
}

export function PhrasesTab({ provider = suggestPhrases }: PhrasesTabProps) {
  const host = useHost();
  const styles = useStyles();
  /** undefined = not read yet; null = no cursor in the document. */
  const [cursor, setCursor] = useState<CursorContext | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const request = useRef(0);

  const refresh = useCallback(async () => {
    const id = ++request.current;
    try {
      const c = await host.readCursor();
      if (id !== request.current) return; // a newer request is on its way
      setCursor(c ?? null);
      setError(undefined);
    } catch (e) {
      if (id === request.current) setError(userMessage(e));
    }
  }, [host]);

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onSelectionChanged(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, CURSOR_DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
      request.current++; // drop answers that arrive after unmounting
    };
  }, [host, refresh]);

  const heading = cursor?.heading?.text;
  const level = heading === undefined ? undefined : headingLevelOfText(heading);
  const suggestions = useMemo(() => provider(heading, level), [provider, heading, level]);

  const insert = async (text: string) => {
    setNotice(undefined);
    setError(undefined);
    try {
      await host.insertText(text);
      setNotice("已插入到光标处。");
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.where} role="status" aria-live="polite">
        {cursor === undefined ? (
          <Spinner size="tiny" label="正在读取光标位置…" />
        ) : cursor === null ? (
          <Body1>请先在文档中点击要写的位置。下面是通用的提示语。</Body1>
        ) : heading ? (
          <>
            <Caption1>光标所在标题</Caption1>
            <Body1 as="p" style={{ margin: 0 }}>
              {heading}
            </Body1>
          </>
        ) : (
          <Body1>光标上方没有标题，下面是通用的提示语。</Body1>
        )}
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void refresh()}>重试</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <Caption1>点击一条提示语，插入到光标处。</Caption1>
      <ul className={styles.list} aria-label="提示语">
        {suggestions.map((s) => (
          <li key={s.text}>
            <Button className={styles.phrase} appearance="secondary" onClick={() => void insert(s.text)}>
              <span className={styles.kind}>{PHRASE_KIND_LABEL[s.kind]}</span>
              <span>{s.text}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
