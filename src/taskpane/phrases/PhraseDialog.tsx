/** The form to add or edit one of 我的提示语, and the confirmation before deleting one. */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import { PHRASE_KINDS, THEMES, type PhraseKind, type Theme } from "../../core/phrases/types";
import { MAX_TEXT_CHARS, MAX_THEMES, phraseProblem, type ExportedPhrase, type UserPhrase } from "./userPhrases";

export const LEVEL_LABEL: Record<1 | 2 | 3, string> = { 1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级标题（1.）" };

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  themes: { border: "none", margin: 0, padding: 0, display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface PhraseDialogProps {
  /** The phrase being edited; undefined to add a new one. */
  editing?: UserPhrase;
  onSave(p: ExportedPhrase): void;
  onCancel(): void;
}

/** Mounted only while open (a fresh form each time). */
export function PhraseDialog({ editing, onSave, onCancel }: PhraseDialogProps) {
  const styles = useStyles();
  const [text, setText] = useState(editing?.text ?? "");
  const [kind, setKind] = useState<PhraseKind>(editing?.kind ?? "正文");
  const [level, setLevel] = useState<1 | 2 | 3>(editing?.level ?? 1);
  const [themes, setThemes] = useState<Theme[]>(editing ? [...editing.themes] : []);
  const [tried, setTried] = useState(false);
  const legendId = useId();
  const problemId = useId();
  const problem = phraseProblem({ text, themes });
  const textProblem = problem?.field === "text" ? problem.message : undefined;
  const themeProblem = problem?.field === "themes" ? problem.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    onSave({ text: text.trim(), kind, themes, ...(kind === "标题" ? { level } : {}) });
  };

  const toggleTheme = (t: Theme, on: boolean) =>
    setThemes((cur) => (on ? (cur.includes(t) ? cur : [...cur, t]) : cur.filter((x) => x !== t)));

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{editing ? "修改提示语" : "添加提示语"}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label={`提示语文字（不超过 ${MAX_TEXT_CHARS} 个字）`}
                required
                validationMessage={tried ? textProblem : undefined}
              >
                <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" rows={3} />
              </Field>
              <Field label="类型">
                <Select value={kind} onChange={(_e, d) => setKind(d.value as PhraseKind)}>
                  {PHRASE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </Select>
              </Field>
              {kind === "标题" && (
                <Field label="标题级别">
                  <Select value={String(level)} onChange={(_e, d) => setLevel(Number(d.value) as 1 | 2 | 3)}>
                    {([1, 2, 3] as const).map((l) => (
                      <option key={l} value={l}>
                        {LEVEL_LABEL[l]}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <fieldset
                className={styles.themes}
                aria-labelledby={legendId}
                aria-describedby={tried && themeProblem ? problemId : undefined}
              >
                <legend id={legendId} className={styles.legend}>
                  主题（选 1～{MAX_THEMES} 个）
                </legend>
                {THEMES.map((t) => (
                  <Checkbox
                    key={t}
                    label={t}
                    checked={themes.includes(t)}
                    disabled={!themes.includes(t) && themes.length >= MAX_THEMES}
                    onChange={(_e, d) => toggleTheme(t, d.checked === true)}
                  />
                ))}
              </fieldset>
              {tried && themeProblem && (
                <Text id={problemId} role="alert" className={styles.problem}>
                  {themeProblem}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                保存
              </Button>
              <Button onClick={onCancel}>取消</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export interface ConfirmDeleteProps {
  /** Controlled: the dialog stays mounted so Fluent can close it properly (focus, inert page). */
  open: boolean;
  /** The phrase to delete (kept while the dialog closes). */
  phrase: UserPhrase | undefined;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDelete({ open, phrase, onConfirm, onCancel }: ConfirmDeleteProps) {
  return (
    <Dialog open={open && phrase !== undefined} modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>删除这条提示语？</DialogTitle>
          <DialogContent>
            「{phrase?.text}」将从我的提示语中删除，删除后不能恢复。
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              删除
            </Button>
            <Button onClick={onCancel}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
