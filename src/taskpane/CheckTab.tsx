/**
 * 检查: run the rules over the document, list the findings grouped by severity then rule,
 * select one in the document, fix one or all, ignore one place or one rule (remembered in the
 * document), and write the findings as comments where Word supports it. The check itself runs
 * off the UI thread (checkRunner.ts) with a progress bar and 取消.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  ProgressBar,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocumentState } from "../core/host";
import { resolveProfile } from "../core/profiles";
import { ALL_RULES } from "../core/rules";
import type { Finding, Rule, Severity } from "../core/rules/types";
import { runCheck as runCheckJob } from "./checkRunner";
import { userMessage } from "./errors";
import { useHost } from "./hostContext";
import { checkKey, EMPTY_STATE, findingKey, visibleFindings } from "./ignore";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const PROFILE_OPTIONS = [
  { id: "speech", name: "讲话稿" },
  { id: "gongwen", name: "公文" },
] as const;
type ProfileId = (typeof PROFILE_OPTIONS)[number]["id"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px" },
  controls: { display: "flex", alignItems: "flex-end", columnGap: "8px", flexWrap: "wrap" },
  progress: { display: "flex", alignItems: "flex-end", columnGap: "8px" },
  progressField: { flexGrow: 1 },
  summary: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "4px", alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "6px" },
  severityHeading: { margin: "8px 0 2px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  ruleHeading: { margin: "4px 0 2px", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px",
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  locate: {
    textAlign: "left",
    background: "none",
    border: "none",
    padding: 0,
    cursor: "pointer",
    color: "inherit",
    font: "inherit",
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  excerpt: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", columnGap: "4px", rowGap: "4px" },
});

interface CheckResult {
  findings: Finding[];
  /** Paragraph texts at check time, by index: what the fixes expect to find. */
  texts: Record<number, string>;
  /** True once fixes were applied without a fresh check: offsets may be wrong. */
  outdated: boolean;
}

interface Notice {
  intent: "success" | "warning" | "info";
  text: string;
  recheck?: boolean;
}

/**
 * Findings listed at first, and added per 再显示: a long document can have thousands, and
 * rendering them all at once would freeze the pane that the worker kept free.
 */
export const FINDINGS_PAGE = 200;

type Busy = "checking" | "fixing" | "commenting" | undefined;

const BUSY_LABEL: Record<Exclude<Busy, undefined>, string> = {
  checking: "正在检查…",
  fixing: "正在修复…",
  commenting: "正在写入批注…",
};

export interface CheckTabProps {
  /** Rules to run instead of the built-in ones (tests, unit configurations). */
  rules?: Rule[];
}

export function CheckTab({ rules }: CheckTabProps) {
  const host = useHost();
  const styles = useStyles();
  const ruleList = rules ?? ALL_RULES;
  const [profileId, setProfileId] = useState<ProfileId>("speech");
  const [busy, setBusy] = useState<Busy>();
  const [result, setResult] = useState<CheckResult>();
  const [state, setState] = useState<DocumentState>(EMPTY_STATE);
  const [error, setError] = useState<{ text: string; retry: () => void }>();
  const [notice, setNotice] = useState<Notice>();
  const stateRef = useRef<Promise<DocumentState> | undefined>(undefined);
  /** Rules finished / to run in the current check; undefined while the document is read. */
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  /** The check in progress: aborting it is 取消. */
  const runRef = useRef<AbortController | undefined>(undefined);
  const [shown, setShown] = useState(FINDINGS_PAGE);
  // A pane closed mid-check stops the worker too.
  useEffect(() => () => runRef.current?.abort(), []);

  // The ignore lists live in the document: read them once when the pane opens.
  const loadState = useCallback((): Promise<DocumentState> => {
    stateRef.current ??= host.loadState().then(
      (s) => {
        setState(s);
        return s;
      },
      (e: unknown) => {
        stateRef.current = undefined;
        throw e;
      },
    );
    return stateRef.current;
  }, [host]);
  useEffect(() => {
    loadState().catch(() => {
      /* reported when the user runs a check */
    });
  }, [loadState]);

  const runCheck = useCallback(
    async (after?: Notice) => {
      runRef.current?.abort();
      const run = new AbortController();
      runRef.current = run;
      // Once cancelled (or replaced by a newer check) this run must not touch the pane again.
      const current = () => runRef.current === run && !run.signal.aborted;
      setBusy("checking");
      setProgress(undefined);
      setError(undefined);
      setNotice(undefined);
      try {
        await loadState();
        const doc = await host.readDocument();
        if (!current()) return;
        const findings = await runCheckJob(doc, {
          profile: resolveProfile(profileId),
          // Only rules given as code stay on this thread; the built-in ones go to the worker.
          rules,
          signal: run.signal,
          onProgress: (done, total) => {
            if (current()) setProgress({ done, total });
          },
        });
        if (!current()) return;
        const texts: Record<number, string> = {};
        for (const f of findings) texts[f.paragraph] ??= doc.paragraphs[f.paragraph]?.text ?? "";
        setResult({ findings, texts, outdated: false });
        setShown(FINDINGS_PAGE);
        if (after) setNotice(after);
      } catch (e) {
        if (!current()) return; // cancelled: cancelCheck already said so
        setError({ text: userMessage(e), retry: () => void runCheck(after) });
      } finally {
        if (runRef.current === run) {
          runRef.current = undefined;
          setBusy(undefined);
          setProgress(undefined);
        }
      }
    },
    [host, loadState, profileId, rules],
  );

  /** 取消: stops the worker (or the slices) at once; the previous results, if any, stay. */
  const cancelCheck = useCallback(() => {
    const run = runRef.current;
    if (!run) return;
    runRef.current = undefined;
    run.abort();
    setBusy(undefined);
    setProgress(undefined);
    setNotice({ intent: "info", text: "已取消检查。" });
  }, []);

  const applyFixes = useCallback(
    async (targets: Finding[]) => {
      if (!result) return;
      const fixes = targets.flatMap((f) => (f.fix ? [f.fix] : []));
      if (fixes.length === 0) return;
      setBusy("fixing");
      setError(undefined);
      setNotice(undefined);
      try {
        const res = await host.applyFixes(fixes, result.texts);
        setBusy(undefined);
        if (res.stale > 0) {
          setResult({ ...result, outdated: true });
          const done = res.applied > 0 ? `已修复 ${res.applied} 处。` : "";
          setNotice({ intent: "warning", text: `${done}有 ${res.stale} 处所在段落已修改，未修复。请重新检查。`, recheck: true });
        } else {
          // Until the fresh check lands (or if it is cancelled) the old offsets are wrong.
          setResult({ ...result, outdated: true });
          await runCheck({ intent: "success", text: `已修复 ${res.applied} 处。` });
        }
      } catch (e) {
        setError({ text: userMessage(e), retry: () => void applyFixes(targets) });
      } finally {
        setBusy(undefined);
      }
    },
    [host, result, runCheck],
  );

  const saveState = useCallback(
    async (next: DocumentState) => {
      setState(next);
      setError(undefined);
      try {
        await host.saveState(next);
      } catch (e) {
        setError({ text: `忽略设置未能保存到文档：${userMessage(e)}`, retry: () => void saveState(next) });
      }
    },
    [host],
  );

  const select = useCallback(
    async (f: Finding) => {
      setError(undefined);
      try {
        await host.select(f.paragraph, f.start, f.end);
      } catch (e) {
        setError({ text: userMessage(e), retry: () => void select(f) });
      }
    },
    [host],
  );

  const visible = useMemo(() => (result ? visibleFindings(result.findings, result.texts, state) : []), [result, state]);
  const ignoredCount = result ? result.findings.length - visible.length : 0;
  const fixable = visible.filter((f) => f.fix);

  const writeComments = useCallback(async () => {
    setBusy("commenting");
    setError(undefined);
    setNotice(undefined);
    try {
      const n = await host.addComments(visible);
      setNotice({ intent: "success", text: `已将 ${n} 处写入批注。` });
    } catch (e) {
      setError({ text: userMessage(e), retry: () => void writeComments() });
    } finally {
      setBusy(undefined);
    }
  }, [host, visible]);

  const ruleTitle = (id: string) => ruleList.find((r) => r.id === id)?.title ?? id;
  /** The name of the finding's check, when its rule has more than one. */
  const checkName = (f: Finding): string | undefined => {
    const messages = ruleList.find((r) => r.id === f.rule)?.messages;
    if (!messages || f.messageId === undefined || Object.keys(messages).length < 2) return undefined;
    return Object.prototype.hasOwnProperty.call(messages, f.messageId) ? messages[f.messageId] : undefined;
  };
  const ignoreRule = (key: string) => saveState({ ...state, ignoredRules: [...state.ignoredRules, key] });
  const counts = SEVERITY_ORDER.map((s) => [s, visible.filter((f) => f.severity === s).length] as const);

  // Grouped by severity, then by rule (in rule-list order), then in document order.
  const ruleOrder = new Map(ruleList.map((r, i) => [r.id, i]));
  const ordered = [...visible].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (ruleOrder.get(a.rule) ?? 1e9) - (ruleOrder.get(b.rule) ?? 1e9) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      a.paragraph - b.paragraph ||
      a.start - b.start,
  );
  const groupSize = new Map<string, number>();
  for (const f of ordered) groupSize.set(`${f.severity}|${f.rule}`, (groupSize.get(`${f.severity}|${f.rule}`) ?? 0) + 1);

  const disabled = busy !== undefined;

  return (
    <div className={styles.root}>
      <div className={styles.controls}>
        <Field label="文稿类型">
          <Select value={profileId} onChange={(_e, d) => setProfileId(d.value as ProfileId)} disabled={disabled}>
            {PROFILE_OPTIONS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={disabled}>
          开始检查
        </Button>
      </div>

      {busy === "checking" ? (
        <div className={styles.progress}>
          <Field className={styles.progressField} label={progress ? `${BUSY_LABEL.checking}（已完成 ${progress.done}/${progress.total}）` : "正在读取文档…"}>
            <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} thickness="large" />
          </Field>
          <Button onClick={cancelCheck}>取消</Button>
        </div>
      ) : (
        busy && <Spinner size="tiny" label={BUSY_LABEL[busy]} />
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error.text}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={error.retry} disabled={disabled}>
              重试
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          {notice.recheck && (
            <MessageBarActions>
              <Button onClick={() => void runCheck()} disabled={disabled}>
                重新检查
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {result && (
        <>
          <div className={styles.summary} role="status">
            <Body1>
              {visible.length === 0
                ? "没有发现问题。"
                : `共 ${visible.length} 处：` + counts.filter(([, n]) => n > 0).map(([s, n]) => `${SEVERITY_LABEL[s]} ${n} 处`).join("，")}
            </Body1>
            {ignoredCount > 0 && <Caption1>（已忽略 {ignoredCount} 处）</Caption1>}
          </div>
          <div className={styles.actions}>
            {fixable.length > 0 && (
              <Button onClick={() => void applyFixes(fixable)} disabled={disabled || result.outdated}>
                全部修复（{fixable.length} 处）
              </Button>
            )}
            {host.capabilities.comments && visible.length > 0 && (
              <Button onClick={() => void writeComments()} disabled={disabled}>
                写入批注
              </Button>
            )}
            {(state.ignoredFindings.length > 0 || state.ignoredRules.length > 0) && (
              <Button appearance="subtle" onClick={() => void saveState(EMPTY_STATE)} disabled={disabled}>
                恢复已忽略的内容
              </Button>
            )}
          </div>
          {ordered.length > 0 && (
            <ul className={styles.list} aria-label="检查结果">
              {ordered.slice(0, shown).map((f, i) => {
                const prev = ordered[i - 1];
                const newSeverity = !prev || prev.severity !== f.severity;
                const newRule = newSeverity || prev.rule !== f.rule;
                const text = result.texts[f.paragraph] ?? "";
                return (
                  <li key={`${f.rule}|${f.paragraph}|${f.start}|${f.end}|${i}`}>
                    {newSeverity && (
                      <h2 className={styles.severityHeading}>
                        {SEVERITY_LABEL[f.severity]}（{counts.find(([s]) => s === f.severity)?.[1]} 处）
                      </h2>
                    )}
                    {newRule && (
                      <h3 className={styles.ruleHeading}>
                        {ruleTitle(f.rule)}（{groupSize.get(`${f.severity}|${f.rule}`)} 处）
                      </h3>
                    )}
                    <div className={styles.item}>
                      <button type="button" className={styles.locate} onClick={() => void select(f)} title="在文档中选中此处">
                        <span>
                          <Badge appearance="tint" color={BADGE_COLOR[f.severity]} size="small">
                            {SEVERITY_LABEL[f.severity]}
                          </Badge>{" "}
                          <Caption1>第 {f.paragraph + 1} 段 · {ruleTitle(f.rule)}</Caption1>
                        </span>
                        <span className={styles.excerpt}>「{f.excerpt}」</span>
                        <Body1>{f.message}</Body1>
                        {f.fix && <Caption1>建议：{f.fix.description}</Caption1>}
                      </button>
                      <div className={styles.actions}>
                        {f.fix && (
                          <Button size="small" appearance="primary" onClick={() => void applyFixes([f])} disabled={disabled || result.outdated}>
                            修复
                          </Button>
                        )}
                        <Button
                          size="small"
                          onClick={() =>
                            void saveState({ ...state, ignoredFindings: [...state.ignoredFindings, findingKey(f, text)] })
                          }
                          disabled={disabled}
                        >
                          忽略此处
                        </Button>
                        {checkName(f) === undefined ? (
                          <Button size="small" onClick={() => void ignoreRule(f.rule)} disabled={disabled}>
                            忽略此规则
                          </Button>
                        ) : (
                          // A rule with several checks: the clerk may mean just this kind of finding.
                          <Menu>
                            <MenuTrigger disableButtonEnhancement>
                              <Button size="small" disabled={disabled}>
                                忽略此规则
                              </Button>
                            </MenuTrigger>
                            <MenuPopover>
                              <MenuList>
                                <MenuItem onClick={() => void ignoreRule(checkKey(f))}>只忽略“{checkName(f)}”</MenuItem>
                                <MenuItem onClick={() => void ignoreRule(f.rule)}>忽略整条规则“{ruleTitle(f.rule)}”</MenuItem>
                              </MenuList>
                            </MenuPopover>
                          </Menu>
                        )}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          {ordered.length > shown && (
            <Button appearance="secondary" onClick={() => setShown((n) => n + FINDINGS_PAGE)}>
              再显示 {Math.min(FINDINGS_PAGE, ordered.length - shown)} 处（已显示 {shown} 处，共 {ordered.length} 处）
            </Button>
          )}
        </>
      )}
    </div>
  );
}
