/** 大纲: choose how many parts and sub-headings, preview the skeleton, insert it after the cursor. */
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { userMessage } from "./errors";
import { useHost } from "./hostContext";
import { buildSpeechSkeleton, chineseNumeral, SECTIONS_MAX, SECTIONS_MIN, SUBSECTIONS_MAX, SUBSECTIONS_MIN } from "./skeleton";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px" },
  controls: { display: "flex", columnGap: "12px", flexWrap: "wrap" },
  preview: {
    listStyleType: "none",
    margin: 0,
    padding: "8px",
    maxHeight: "240px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  title: { textAlign: "center", fontWeight: tokens.fontWeightSemibold },
  level1: { fontWeight: tokens.fontWeightSemibold, paddingLeft: "1em" },
  level2: { paddingLeft: "2em" },
  body: { paddingLeft: "2em", color: tokens.colorNeutralForeground3 },
});

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export function OutlineTab() {
  const host = useHost();
  const styles = useStyles();
  const [sections, setSections] = useState(3);
  const [subsections, setSubsections] = useState(2);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const skeleton = useMemo(() => buildSpeechSkeleton(sections, subsections), [sections, subsections]);

  const insert = async () => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await host.insertParagraphs(skeleton);
      setNotice(`已在光标所在段落之后插入提纲，共 ${skeleton.length} 段。请把〔〕中的内容换成实际内容。`);
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const cls = (role: string) =>
    role === "title" ? styles.title : role === "level1" ? styles.level1 : role === "level2" ? styles.level2 : role === "body" ? styles.body : undefined;

  return (
    <div className={styles.root}>
      <Body1>生成一篇讲话稿的提纲：标题、称谓、开头、“下面，我讲几点意见”、各部分标题和结尾。</Body1>
      <div className={styles.controls}>
        <Field label="讲几点（一级标题数）">
          <Select value={String(sections)} onChange={(_e, d) => setSections(Number(d.value))}>
            {range(SECTIONS_MIN, SECTIONS_MAX).map((n) => (
              <option key={n} value={n}>
                {chineseNumeral(n)}点
              </option>
            ))}
          </Select>
        </Field>
        <Field label="每点下的小标题数">
          <Select value={String(subsections)} onChange={(_e, d) => setSubsections(Number(d.value))}>
            {range(SUBSECTIONS_MIN, SUBSECTIONS_MAX).map((n) => (
              <option key={n} value={n}>
                {n === 0 ? "不要小标题" : `${chineseNumeral(n)}个`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>提纲预览</Caption1>
      <ul className={styles.preview} aria-label="提纲预览" tabIndex={0}>
        {skeleton.map((p, i) => (
          <li key={i} className={cls(p.role)}>
            {p.text}
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" onClick={() => void insert()} disabled={busy}>
          插入提纲
        </Button>
      </div>
      <Caption1>提纲插入到光标所在段落之后。</Caption1>
      {busy && <Spinner size="tiny" label="正在插入…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void insert()}>重试</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
