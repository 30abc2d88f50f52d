/**
 * The 用户词典 in the 检查 tab: the small dialog of 加入词典 (the word can be corrected before it is
 * added) and the list under 用户词典 that shows the words and removes them. Where they are kept
 * and why: userWords.ts.
 */
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import { MAX_USER_WORDS, MAX_WORD_CHARS, wordProblem } from "./userWords";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  context: { color: tokens.colorNeutralForeground2 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  word: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Characters of the paragraph shown on each side of the flagged text in the dialog. */
const CONTEXT = 12;

export interface AddWordDialogProps {
  /** Suggested word (the flagged text or the stretch around it). */
  word: string;
  /** The paragraph and the flagged range, to show where the word stands. */
  text: string;
  start: number;
  end: number;
  /** The dictionary already holds MAX_USER_WORDS words. */
  full?: boolean;
  onAdd(word: string): void;
  onCancel(): void;
}

/** Mounted only while open (a fresh form each time). */
export function AddWordDialog({ word, text, start, end, full, onAdd, onCancel }: AddWordDialogProps) {
  const styles = useStyles();
  const [value, setValue] = useState(word);
  const [tried, setTried] = useState(false);
  const hintId = useId();
  const problem = full ? `用户词典已有 ${MAX_USER_WORDS} 个词，请先在“用户词典”中删除不再需要的词。` : wordProblem(value);
  const single = problem === undefined && [...value.trim()].length === 1;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem) onAdd(value.trim());
  };

  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={hintId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>加入用户词典</DialogTitle>
            <DialogContent className={styles.form}>
              {text && end > start && (
                <Body1 className={styles.context}>
                  {from > 0 && "…"}
                  {text.slice(from, start)}
                  <mark className={styles.mark}>{text.slice(start, end)}</mark>
                  {text.slice(end, to)}
                  {to < text.length && "…"}
                </Body1>
              )}
              <Field
                label={`词语（不超过 ${MAX_WORD_CHARS} 个字）`}
                required
                validationMessage={tried && problem ? problem : single ? "只加一个字，这个字在任何地方都不再提示为错别字；最好连同前后的字一起加入。" : undefined}
                validationState={tried && problem ? "error" : single ? "warning" : "none"}
              >
                <Input value={value} onChange={(_e, d) => setValue(d.value)} />
              </Field>
              <Caption1 id={hintId}>加入后，检查不再把这个词提示为错别字。词典保存在本机，对所有文稿有效，可在“用户词典”中删除。</Caption1>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                加入
              </Button>
              <Button onClick={onCancel}>取消</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export interface UserWordsListProps {
  words: readonly string[];
  onRemove(word: string): void;
  disabled?: boolean;
}

/** 用户词典（N 个词）: folded by default; open, it lists the words, each with 删除. */
export function UserWordsList({ words, onRemove, disabled }: UserWordsListProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className={styles.section}>
      <div>
        <Button appearance="subtle" size="small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          用户词典（{words.length} 个词）
        </Button>
      </div>
      {open && (
        <div id={listId} className={styles.section}>
          {words.length === 0 ? (
            <Caption1>词典还是空的。在错别字的检查结果上点“加入词典”，这个词以后就不再提示。</Caption1>
          ) : (
            <ul className={styles.list} aria-label="用户词典">
              {words.map((w) => (
                <li key={w} className={styles.word}>
                  <span>{w}</span>
                  <Button size="small" appearance="subtle" aria-label={`从词典删除“${w}”`} onClick={() => onRemove(w)} disabled={disabled}>
                    删除
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Caption1>词典保存在本机，对所有文稿有效。单位统一的词语可写在单位配置的 "words" 中。</Caption1>
        </div>
      )}
    </div>
  );
}
