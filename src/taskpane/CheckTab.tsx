/**
 * 检查: run the rules over the document, list the findings grouped by severity then rule,
 * select one in the document, fix one or all, ignore one place or one rule (remembered in the
 * document), and write the findings as comments where Word supports it. The check itself runs
 * off the UI thread (checkRunner.ts) with a progress bar and 取消. A typo finding can be added to
 * the 用户词典 (加入词典; kept in the pane's storage, see userWords.ts), which hides it at once and
 * passes the words to every later check as profile.words.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  ProgressBar,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocumentState } from "../core/host";
import { ALL_RULES } from "../core/rules";
import type { Finding, Severity } from "../core/findings";
import type { Rule } from "../core/rules";
import { runCheck as runCheckJob, type SpellStatus } from "./checkRunner";
import { userMessage } from "./errors";
import { useHostAction } from "./hooks/useHostAction";
import { useHost } from "./hostContext";
import { checkKey, EMPTY_STATE, findingKey, visibleFindings } from "./ignore";
import { hasIgnores, withoutIgnores, withoutSwitchedOff, withRuleSwitches } from "./ruleSwitches";
import { RuleSettings } from "./check/RuleSettings";
import { memoryStore, useStore } from "./phrases/store";
import { guessProfile } from "../core/profileGuess";
import { PROFILE_OPTIONS, useProfile, type ProfileId } from "./profileContext";
import { StatusBlock } from "./StatusBlock";
import { addUserWord, loadUserWords, MAX_USER_WORDS, removeUserWord, saveUserWords, suggestedWord, withoutUserWords, withUserWords } from "./userWords";
import { AddWordDialog, UserWordsList } from "./UserWordsPanel";
import { ContextLine } from "./check/ContextLine";
import { CATEGORY_LABEL, groupFindings, stepOrder } from "./check/group";

/**
 * 下一处 / 上一处 from the keyboard while focus is in the pane. Not F8 (Word's extend-selection) and
 * not Ctrl/Alt+letters (Word's ribbon and commands): Alt+↓/Alt+↑ mean nothing in the pane otherwise.
 */
export const NEXT_KEY_LABEL = "Alt+↓";
export const PREV_KEY_LABEL = "Alt+↑";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  controls: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  progress: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  progressField: { flexGrow: 1 },
  guess: { flexBasis: "100%", color: tokens.colorNeutralForeground2 },
  summary: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalSNudge },
  severityHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  ruleHeading: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  // The card's big clickable area stays a native button: Fluent's Button lays its content out as one
  // centred inline row of fixed height, while this one holds a column of blocks (badge line, the
  // context line, the message, the suggestion) that must wrap and align left.
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
    rowGap: tokens.spacingVerticalXXS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThick },
  },
  excerpt: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  groupHead: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalXS },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
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
  /** After a fix: offer 撤销 for what the host would take back. */
  undo?: boolean;
}

/**
 * Findings listed at first, and added per 再显示: a long document can have thousands, and
 * rendering them all at once would freeze the pane that the worker kept free.
 */
export const FINDINGS_PAGE = 200;

type Busy = "checking" | "fixing" | "commenting" | "undoing" | undefined;

/** Shown while the spelling model is fetched and decoded (the first check of a session). */
export const LOADING_SPELL_MODEL = "正在加载错别字词库…";
/** Said once per pane when the model could not be loaded and the check ran without it. */
export const SPELL_MODEL_FAILED = "错别字词库未能加载，这次只按常见错别字表检查，同音、形近的错别字没有查。请稍后重新检查。";

const BUSY_LABEL: Record<Exclude<Busy, undefined>, string> = {
  checking: "正在检查…",
  fixing: "正在修复…",
  commenting: "正在写入批注…",
  undoing: "正在撤销…",
};

export interface CheckTabProps {
  /** Rules to run instead of the built-in ones (tests, unit configurations). */
  rules?: Rule[];
}

export function CheckTab({ rules }: CheckTabProps) {
  const host = useHost();
  const styles = useStyles();
  const ruleList = rules ?? ALL_RULES;
  // The 文稿类型 is the pane's: the one chosen here also drives 一键排版 in 大纲.
  const { id: profileId, name: profileName, profile, setId: setProfileId, unit, chosen, guessedBecause, suggest } = useProfile();
  const { busy, setBusy, error, setError, notice, setNotice, run } = useHostAction<Exclude<Busy, undefined>, Notice>();
  const [result, setResult] = useState<CheckResult>();
  const [state, setState] = useState<DocumentState>(EMPTY_STATE);
  const stateRef = useRef<Promise<DocumentState> | undefined>(undefined);
  /** Rules finished / to run in the current check; undefined while the document is read. */
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  /** The check in progress: aborting it is 取消. */
  const runRef = useRef<AbortController | undefined>(undefined);
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const stepsRef = useRef<ReturnType<typeof stepOrder>>([]);
  // The 用户词典 lives in the pane's storage (userWords.ts); memory only when the pane has none.
  const givenStore = useStore();
  const [ownStore] = useState(() => memoryStore());
  const store = givenStore ?? ownStore;
  const [words, setWords] = useState<string[]>(() => loadUserWords(store));
  /** The finding whose word is being added to the dictionary (the dialog is open). */
  const [adding, setAdding] = useState<{ word: string; text: string; start: number; end: number }>();
  const [modelLoading, setModelLoading] = useState(false);
  const [spellFailed, setSpellFailed] = useState(false);
  const spellWarned = useRef(false);
  /** Groups folded away (category|rule) and cards opened to their full context (card keys). */
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  /** The card 上一处/下一处 or a click last went to. */
  const [currentKey, setCurrentKey] = useState<string>();
  const cardRefs = useRef(new Map<string, HTMLButtonElement>());
  const statusRef = useRef<HTMLDivElement>(null);
  /** The notice gets the focus after 撤销 (it says what was taken back). */
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);
  /**
   * Where focus goes once the list is rendered again: the status line after 开始检查, the card now at
   * `index` (the one after the fixed card) after 修复; never left on the page body.
   */
  const pendingFocus = useRef<{ kind: "status" } | { kind: "card"; index: number } | undefined>(undefined);
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
      setModelLoading(false);
      setSpellFailed(false);
      try {
        const docState = await loadState();
        const doc = await host.readDocument();
        if (!current()) return;
        // Until the clerk picks a 文稿类型, the draft says which it is: a 公文 is not first checked
        // against the speech rules.
        const guess = chosen ? undefined : guessProfile(doc);
        const base = guess ? suggest(guess.profile, guess.reason) : profile;
        // Read afresh: another pane (another document) may have added words since.
        const userWords = loadUserWords(store);
        setWords(userWords);
        const findings = await runCheckJob(doc, {
          // Rules switched off in 规则设置 are not run at all (the worker skips "off").
          profile: withRuleSwitches(withUserWords(base, userWords), docState),
          // Only rules given as code stay on this thread; the built-in ones go to the worker.
          rules,
          signal: run.signal,
          onProgress: (done, total) => {
            if (current()) setProgress({ done, total });
          },
          onSpellModel: (status: SpellStatus) => {
            if (!current()) return;
            setModelLoading(status === "loading");
            if (status === "failed" && !spellWarned.current) {
              spellWarned.current = true;
              setSpellFailed(true);
            }
          },
        });
        if (!current()) return;
        const texts: Record<number, string> = {};
        for (const f of findings) texts[f.paragraph] ??= doc.paragraphs[f.paragraph]?.text ?? "";
        setResult({ findings, texts, outdated: false });
        setShown(FINDINGS_PAGE);
        setCurrentKey(undefined);
        pendingFocus.current ??= { kind: "status" };
        if (after) setNotice(after);
      } catch (e) {
        if (!current()) return; // cancelled: cancelCheck already said so
        setError({ text: userMessage(e), retry: () => void runCheck(after) });
      } finally {
        if (runRef.current === run) {
          runRef.current = undefined;
          setBusy(undefined);
          setProgress(undefined);
          setModelLoading(false);
        }
      }
    },
    [host, loadState, profile, chosen, suggest, rules, store, setBusy, setError, setNotice],
  );

  /** 取消: stops the worker (or the slices) at once; the previous results, if any, stay. */
  const cancelCheck = useCallback(() => {
    const run = runRef.current;
    if (!run) return;
    runRef.current = undefined;
    run.abort();
    setBusy(undefined);
    setProgress(undefined);
    setModelLoading(false);
    setNotice({ intent: "info", text: "已取消检查。" });
  }, [setBusy, setNotice]);

  const applyFixes = useCallback(
    async (targets: Finding[], cardKey?: string) => {
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
          setNotice({ intent: "warning", text: `${done}有 ${res.stale} 处所在段落已修改，未修复。请重新检查。`, recheck: true, undo: res.applied > 0 });
        } else {
          // Until the fresh check lands (or if it is cancelled) the old offsets are wrong.
          setResult({ ...result, outdated: true });
          // The fixed card disappears: the one that takes its place in the walk gets the focus.
          const at = cardKey === undefined ? -1 : stepsRef.current.findIndex((c) => c.key === cardKey);
          pendingFocus.current = at >= 0 ? { kind: "card", index: at } : { kind: "status" };
          await runCheck({ intent: "success", text: `已修复 ${res.applied} 处。`, undo: true });
        }
      } catch (e) {
        setError({ text: userMessage(e), retry: () => void applyFixes(targets, cardKey) });
      } finally {
        setBusy(undefined);
      }
    },
    [host, result, runCheck, setBusy, setError, setNotice],
  );

  /**
   * 撤销: the host takes back its last change. The results then no longer match the document (their
   * offsets are the fixed text's): they are marked as possibly out of date, with 重新检查 at hand.
   */
  const undo = useCallback(async () => {
    setBusy("undoing");
    setError(undefined);
    setNotice(undefined);
    try {
      const res = await host.undo();
      setResult((r) => r && { ...r, outdated: true });
      focusNotice.current = true;
      setNotice({ intent: res.skipped > 0 ? "warning" : "success", text: `${res.message}检查结果可能已过时，请重新检查。`, recheck: true, undo: true });
    } catch (e) {
      setResult((r) => r && { ...r, outdated: true });
      // Refused (the document changed since): the host dropped its history, trying again cannot help.
      if (host.undoLabel === undefined) {
        focusNotice.current = true;
        setNotice({ intent: "warning", text: userMessage(e), recheck: true });
      } else setError({ text: userMessage(e), retry: () => void undo() });
    } finally {
      setBusy(undefined);
    }
  }, [host, setBusy, setError, setNotice]);

  const saveState = useCallback(
    async (next: DocumentState) => {
      setState(next);
      stateRef.current = Promise.resolve(next); // the next check runs with these switches
      setError(undefined);
      try {
        await host.saveState(next);
      } catch (e) {
        setError({ text: `忽略设置未能保存到文档：${userMessage(e)}`, retry: () => void saveState(next) });
      }
    },
    [host, setError],
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
    [host, setError],
  );

  /** Saves the dictionary, merged with what another pane may have stored meanwhile. */
  const changeWords = useCallback(
    (change: (current: string[]) => string[]) => {
      setError(undefined);
      const next = change(loadUserWords(store));
      setWords(next);
      try {
        saveUserWords(store, next);
      } catch (e) {
        setError({ text: `用户词典未能保存：${userMessage(e)}`, retry: () => changeWords(change) });
      }
    },
    [store, setError],
  );

  const notIgnored = useMemo(
    () => (result ? visibleFindings(withoutSwitchedOff(result.findings, state, profileId), result.texts, state) : []),
    [result, state, profileId],
  );
  // The unit style's words (profile.words) count as the dictionary's too: hidden at once, as the next check will not report them.
  const dictionary = useMemo(() => (profile.words.length > 0 ? [...new Set([...words, ...profile.words])] : words), [words, profile.words]);
  const visible = useMemo(() => (result ? withoutUserWords(notIgnored, result.texts, dictionary) : []), [result, notIgnored, dictionary]);
  const ignoredCount = result ? result.findings.length - notIgnored.length : 0;
  const inDictionary = notIgnored.length - visible.length;
  const fixable = visible.filter((f) => f.fix);

  const writeComments = useCallback(
    () =>
      run("commenting", async () => {
        const n = await host.addComments(visible);
        return { intent: "success", text: `已将 ${n} 处写入批注。` };
      }),
    [host, visible, run],
  );

  const ruleTitle = (id: string) => ruleList.find((r) => r.id === id)?.title ?? id;
  /** The name of the finding's check, when its rule has more than one. */
  const checkName = (f: Finding): string | undefined => {
    const messages = ruleList.find((r) => r.id === f.rule)?.messages;
    if (!messages || f.messageId === undefined || Object.keys(messages).length < 2) return undefined;
    return Object.prototype.hasOwnProperty.call(messages, f.messageId) ? messages[f.messageId] : undefined;
  };
  const ignoreRule = (key: string) => saveState({ ...state, ignoredRules: [...state.ignoredRules, key] });
  const counts = SEVERITY_ORDER.map((s) => [s, visible.filter((f) => f.severity === s).length] as const);

  // Grouped by category, then rule (rule-list order); identical findings of a paragraph folded.
  const groups = useMemo(() => groupFindings(visible, new Map(ruleList.map((r, i) => [r.id, i]))), [visible, ruleList]);
  const steps = useMemo(() => stepOrder(groups), [groups]);
  const cardCount = steps.length;
  stepsRef.current = steps;
  const currentIndex = currentKey === undefined ? -1 : steps.findIndex((c) => c.key === currentKey);

  const toggleGroup = (key: string) =>
    setCollapsed((cur) => {
      const next = new Set(cur);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const toggleCard = (key: string) =>
    setExpanded((cur) => {
      const next = new Set(cur);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  /** 上一处 (-1) / 下一处 (+1): the next card in document order, wrapping; shown, focused and selected. */
  const step = (dir: 1 | -1) => {
    if (steps.length === 0 || busy !== undefined) return;
    const from = currentIndex < 0 ? (dir > 0 ? -1 : 0) : currentIndex;
    const index = (from + dir + steps.length) % steps.length;
    const card = steps[index];
    const gKey = `${card.first.category}|${card.first.rule}`;
    if (collapsed.has(gKey)) toggleGroup(gKey);
    // A card past the rendered page: render up to it.
    const rendered = groups.flatMap((cat) => cat.rules.flatMap((g) => g.cards));
    const pos = rendered.indexOf(card);
    if (pos >= shown) setShown(Math.ceil((pos + 1) / FINDINGS_PAGE) * FINDINGS_PAGE);
    setCurrentKey(card.key);
    pendingFocus.current = { kind: "card", index };
    void select(card.first);
  };

  useEffect(() => {
    const want = pendingFocus.current;
    if (!want || busy !== undefined || !result || result.outdated) return;
    pendingFocus.current = undefined;
    if (want.kind === "card" && steps.length > 0) {
      const card = steps[Math.min(want.index, steps.length - 1)];
      const el = cardRefs.current.get(card.key);
      if (el) {
        el.focus();
        return;
      }
    }
    statusRef.current?.focus();
  });

  useEffect(() => {
    if (!focusNotice.current || busy !== undefined || !notice) return;
    focusNotice.current = false;
    noticeRef.current?.focus();
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
    e.preventDefault();
    step(e.key === "ArrowDown" ? 1 : -1);
  };

  const disabled = busy !== undefined;
  // Read at each render: the host's history changes with every fix and 撤销.
  const undoLabel = host.undoLabel;

  return (
    <div className={styles.root} onKeyDown={onKeyDown}>
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
        {!chosen && guessedBecause ? (
          <Caption1 className={styles.guess}>
            按“{profileName}”检查：{guessedBecause}。如不对，请在“文稿类型”中改选。
          </Caption1>
        ) : null}
        <RuleSettings rules={ruleList} profile={profile} state={state} onChange={(next) => void saveState(next)} disabled={disabled} />
      </div>
      {unit && <Caption1>已使用单位样式“{unit.name}”：检查按它的规则和格式进行（在“大纲”页的一键排版处导入或移除）。</Caption1>}
      <UserWordsList words={words} onRemove={(w) => changeWords((cur) => removeUserWord(cur, w))} />

      {busy === "checking" ? (
        <div className={styles.progress}>
          <Field
            className={styles.progressField}
            label={modelLoading ? LOADING_SPELL_MODEL : progress ? `${BUSY_LABEL.checking}（已完成 ${progress.done}/${progress.total}）` : "正在读取文档…"}
          >
            <ProgressBar value={!modelLoading && progress && progress.total > 0 ? progress.done / progress.total : undefined} thickness="large" />
          </Field>
          <Button onClick={cancelCheck}>取消</Button>
        </div>
      ) : null}

      {spellFailed && (
        <MessageBar intent="warning">
          <MessageBarBody>{SPELL_MODEL_FAILED}</MessageBarBody>
        </MessageBar>
      )}

      <StatusBlock
        busy={busy !== undefined && busy !== "checking" ? BUSY_LABEL[busy] : undefined}
        error={error}
        notice={notice}
        noticeRef={noticeRef}
        disabled={disabled}
        noticeActions={
          notice && (notice.recheck || (notice.undo && undoLabel)) ? (
            <>
              {notice.undo && undoLabel && (
                <Button onClick={() => void undo()} disabled={disabled}>
                  撤销：{undoLabel}
                </Button>
              )}
              {notice.recheck && (
                <Button onClick={() => void runCheck()} disabled={disabled}>
                  重新检查
                </Button>
              )}
            </>
          ) : undefined
        }
      />

      {result && (
        <>
          <div className={styles.summary} role="status" ref={statusRef} tabIndex={-1} aria-label="检查结果概要">
            <Body1>
              {visible.length === 0
                ? "没有发现问题。"
                : `共 ${visible.length} 处：` + counts.filter(([, n]) => n > 0).map(([s, n]) => `${SEVERITY_LABEL[s]} ${n} 处`).join("，")}
            </Body1>
            {ignoredCount > 0 && <Caption1>（已忽略 {ignoredCount} 处）</Caption1>}
            {result.outdated && !busy && <Caption1>（文档已改动，以下结果可能已过时，请重新检查。）</Caption1>}
            {inDictionary > 0 && <Caption1>（用户词典中的词 {inDictionary} 处，未列出）</Caption1>}
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
            {hasIgnores(state) && (
              <Button appearance="subtle" onClick={() => void saveState(withoutIgnores(state))} disabled={disabled}>
                恢复已忽略的内容
              </Button>
            )}
          </div>
          {cardCount > 0 && (
            <div className={styles.actions} role="toolbar" aria-label="逐条查看">
              <Button size="small" onClick={() => step(-1)} disabled={disabled} title={`上一处（${PREV_KEY_LABEL}）`}>
                上一处
              </Button>
              <Button size="small" onClick={() => step(1)} disabled={disabled} title={`下一处（${NEXT_KEY_LABEL}）`}>
                下一处
              </Button>
              <Caption1>
                {currentIndex >= 0 ? `第 ${currentIndex + 1}/${cardCount} 处 · ` : ""}快捷键：{NEXT_KEY_LABEL} 下一处，{PREV_KEY_LABEL} 上一处
              </Caption1>
            </div>
          )}
          {groups.length > 0 && (
            <ul className={styles.list} aria-label="检查结果">
              {(() => {
                let budget = shown;
                return groups.flatMap((cat) =>
                  cat.rules.flatMap((g, gi) => {
                    if (budget <= 0) return [];
                    const gKey = `${g.category}|${g.rule}`;
                    const isCollapsed = collapsed.has(gKey);
                    const title = ruleTitle(g.rule);
                    const header = (
                      <>
                        {gi === 0 && (
                          <h2 className={styles.severityHeading}>
                            {CATEGORY_LABEL[cat.category] ?? cat.category}（{cat.count} 处）
                          </h2>
                        )}
                        <div className={styles.groupHead}>
                          <h3 className={styles.ruleHeading}>
                            <Button
                              appearance="transparent"
                              size="small"
                              aria-expanded={!isCollapsed}
                              onClick={() => toggleGroup(gKey)}
                            >
                              {title}（{g.count} 处）
                            </Button>
                          </h3>
                          {g.fixable.length > 0 && (
                            <Button size="small" onClick={() => void applyFixes(g.fixable)} disabled={disabled || result.outdated}>
                              全部修复「{title}」（{g.fixable.length} 处）
                            </Button>
                          )}
                        </div>
                      </>
                    );
                    if (isCollapsed) {
                      budget--;
                      return [<li key={gKey}>{header}</li>];
                    }
                    const cards = g.cards.slice(0, budget);
                    budget -= cards.length;
                    return cards.map((c, ci) => {
                      const f = c.first;
                      const text = result.texts[f.paragraph] ?? "";
                      const open = expanded.has(c.key);
                      return (
                        <li key={c.key}>
                          {ci === 0 && header}
                          <div className={mergeClasses(styles.item, c.key === currentKey && styles.current)}>
                            <button
                              type="button"
                              className={styles.locate}
                              ref={(el) => {
                                if (el) cardRefs.current.set(c.key, el);
                                else cardRefs.current.delete(c.key);
                              }}
                              aria-expanded={open}
                              onClick={() => {
                                setCurrentKey(c.key);
                                toggleCard(c.key);
                                void select(f);
                              }}
                              title="在文档中选中此处（再按一次收起）"
                            >
                              <span>
                                <Badge appearance="tint" color={BADGE_COLOR[f.severity]} size="small">
                                  {SEVERITY_LABEL[f.severity]}
                                </Badge>{" "}
                                <Caption1>
                                  第 {f.paragraph + 1} 段{c.all.length > 1 ? ` · 共 ${c.all.length} 处` : ""} · {ruleTitle(f.rule)}
                                </Caption1>
                              </span>
                              <ContextLine finding={f} text={text} expanded={open} />
                              <Body1>{f.message}</Body1>
                              {open && f.fix && <Caption1>建议：{f.fix.description}</Caption1>}
                            </button>
                            <div className={styles.actions}>
                              {f.fix && (
                                <Button size="small" appearance="primary" onClick={() => void applyFixes(c.all, c.key)} disabled={disabled || result.outdated}>
                                  {c.all.length > 1 ? `修复 ${c.all.length} 处` : "修复"}
                                </Button>
                              )}
                              <Button
                                size="small"
                                onClick={() =>
                                  void saveState({ ...state, ignoredFindings: [...state.ignoredFindings, ...c.all.map((x) => findingKey(x, text))] })
                                }
                                disabled={disabled}
                              >
                                忽略此处
                              </Button>
                              {f.category === "typo" && (
                                <Button
                                  size="small"
                                  onClick={() => setAdding({ word: suggestedWord(f, text), text, start: f.start, end: f.end })}
                                  disabled={disabled}
                                >
                                  加入词典
                                </Button>
                              )}
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
                    });
                  }),
                );
              })()}
            </ul>
          )}
          {cardCount > shown && (
            <Button appearance="secondary" onClick={() => setShown((n) => n + FINDINGS_PAGE)}>
              再显示 {Math.min(FINDINGS_PAGE, cardCount - shown)} 处（已显示 {shown} 处，共 {cardCount} 处）
            </Button>
          )}
        </>
      )}

      {adding && (
        <AddWordDialog
          {...adding}
          full={words.length >= MAX_USER_WORDS && !words.includes(adding.word)}
          onAdd={(w) => {
            setAdding(undefined);
            changeWords((cur) => addUserWord(cur, w));
            setNotice({ intent: "success", text: `已将“${w}”加入用户词典，检查不再把它提示为错别字。` });
          }}
          onCancel={() => setAdding(undefined)}
        />
      )}
    </div>
  );
}
