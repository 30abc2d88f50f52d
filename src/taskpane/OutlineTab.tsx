/**
 * 大纲: insert an outline template (提纲); see the draft's outline as a tree with numbering faults,
 * characters and speaking time per part; insert the next heading or a sub-heading at the cursor;
 * renumber the headings at the cursor; and 一键排版 — set fonts, sizes, indents, line spacing and
 * outline levels by what each paragraph is, without touching the text.
 */
import { Body1, Button, Caption1, Field, Input, Link, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { FORMAT_DESCRIPTION, type InsertParagraph } from "../core/host";
import type { OutlineNode } from "../core/numbering";
import { formatPlan, headingAt, nextHeading, renumberPlan, sectionStats } from "../core/outline/actions";
import { buildOutline } from "../core/numbering";
import type { Finding } from "../core/findings";
import type { RuleInfo } from "../core/ruleOptions";
import { useHostAction } from "./hooks/useHostAction";
import { useHost } from "./hostContext";
import { analyseDraft, type Draft } from "./outline/draft";
import { OutlineTree } from "./outline/OutlineTree";
import { withRoleFormat } from "./outline/styled";
import { formatDuration, loadPace, parsePace, PACE_MAX, PACE_MIN, savePace } from "./outline/pace";
import { TemplatePanel } from "./outline/TemplatePanel";
import { useStore } from "./phrases/store";
import { useProfile } from "./profileContext";
import { StatusBlock } from "./StatusBlock";
import { UnitStylePanel } from "./UnitStylePanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  pace: { width: "8em" },
  others: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // A fault: the link in the palette's red (Fluent's Link keeps its own focus ring).
  other: { textAlign: "left", color: tokens.colorPaletteRedForeground1 },
});

type Busy = "reading" | "inserting" | "renumbering" | "formatting" | "undoing" | "selecting";

const BUSY_LABEL: Record<Busy, string> = {
  reading: "正在读取文档…",
  inserting: "正在插入…",
  renumbering: "正在重新编号…",
  formatting: "正在排版…",
  undoing: "正在撤销排版…",
  selecting: "正在定位…",
};

/** The part of the tab an action belongs to: its spinner and messages show there. */
type Where = "template" | "tree" | "format";

interface Notice {
  intent: "success" | "warning" | "info";
  text: string;
  where: Where;
  /** A follow-up the clerk can take from the message (重新编号 after a heading that repeats a number). */
  action?: { label: string; run: () => void };
  /** After 一键排版: offer 撤销排版 while it is still the host's last change. */
  undoFormat?: boolean;
}

/** What the host's 撤销 calls a 一键排版 run. */
export const FORMAT_UNDO_LABEL = "一键排版";

type Scope = "document" | "selection";

export interface OutlineTabProps {
  /** The rules the pane runs: a 单位样式 is checked against them (default: the built-in ones). */
  rules?: ReadonlyArray<RuleInfo>;
}

export function OutlineTab({ rules }: OutlineTabProps = {}) {
  const host = useHost();
  const store = useStore();
  const profile = useProfile();
  const styles = useStyles();
  const ids = useId();
  const { busy, error, notice, setNotice, run: runAction, alive } = useHostAction<{ kind: Busy; where: Where }, Notice>();
  const [draft, setDraft] = useState<Draft>();
  const [selected, setSelected] = useState<number>();
  const [pace, setPace] = useState(() => loadPace(store));
  const [paceText, setPaceText] = useState(() => String(loadPace(store)));
  const [scope, setScope] = useState<Scope>("document");
  /** The notice gets the focus after 撤销排版 (it says what was put back). */
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  /** Runs one host action with busy state; a failure shows a Chinese message with 重试 in its part. */
  const run = useCallback(
    (kind: Busy, where: Where, action: () => Promise<void>, retry: () => void, keepNotice = false): Promise<void> =>
      runAction({ kind, where }, action, { retry, keepNotice }),
    [runAction],
  );

  /** Re-reads the document: the tree, counts and faults. */
  const reload = useCallback(
    (keepNotice = true): Promise<void> =>
      run(
        "reading",
        "tree",
        async () => {
          const doc = await host.readDocument();
          // The outline and its four numbering rules are linear and quick: no need to yield first.
          if (alive()) setDraft(analyseDraft(doc));
        },
        () => void reload(false),
        keepNotice,
      ),
    [host, run],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const stats = useMemo(() => (draft ? sectionStats(draft.doc, draft.outline, pace) : undefined), [draft, pace]);

  const changePace = (raw: string) => {
    setPaceText(raw);
    const p = parsePace(raw);
    if (p !== undefined) {
      setPace(p);
      savePace(store, p);
    }
  };
  const paceInvalid = parsePace(paceText) === undefined;

  const insertTemplate = (paras: InsertParagraph[]): void =>
    void run(
      "inserting",
      "template",
      async () => {
        await host.insertParagraphs(withRoleFormat(paras, profile.profile.format));
        setNotice({ intent: "success", text: `已在光标所在段落之后插入提纲，共 ${paras.length} 段。请把〔〕中的内容换成实际内容。`, where: "template" });
        await reload();
      },
      () => insertTemplate(paras),
    );

  const insertHeading = (mode: "sibling" | "child"): void =>
    void run(
      "inserting",
      "tree",
      async () => {
        const cursor = await host.readCursor();
        if (!cursor) throw new Error("请先在文档中把光标放到要插入标题的位置。");
        const doc = await host.readDocument();
        const outline = buildOutline(doc);
        const h = nextHeading(doc, outline, cursor.paragraph, mode);
        if (!h) {
          const above = headingAt(outline, cursor.paragraph);
          setNotice({
            intent: "info",
            where: "tree",
            text:
              mode === "sibling"
                ? "光标上方的标题不是一到四级标题，无法续编下一个。"
                : above
                  ? "光标所在的已是第四级标题（（1））之下，不再往下分级。"
                  : "光标上方还没有标题，无法插入下级标题。请先插入一级标题。",
          });
          return;
        }
        await host.insertParagraphs(withRoleFormat([h], profile.profile.format));
        const text = `已在光标所在段落之后插入“${h.text}”，请把〔标题〕换成实际标题。`;
        // A new 三、 before an existing 三、 repeats a number: say so and offer 重新编号 right here.
        const after = await host.readDocument();
        let inserted = -1;
        for (let i = cursor.paragraph + 1; i < Math.min(after.paragraphs.length, cursor.paragraph + 4); i++) {
          if (after.paragraphs[i].text === h.text) {
            inserted = i;
            break;
          }
        }
        const plan = inserted >= 0 ? renumberPlan(after, buildOutline(after), inserted) : [];
        setNotice(
          plan.length > 0
            ? {
                intent: "warning",
                where: "tree",
                text: `${text}这一组序号因此不再连续（有重复或跳号）。`,
                action: { label: "重新编号", run: () => renumber(inserted) },
              }
            : { intent: "success", text, where: "tree" },
        );
        // The document was just read: refresh the tree from it rather than reading it again.
        if (alive()) setDraft(analyseDraft(after));
      },
      () => insertHeading(mode),
    );

  /** Renumbers the sibling group at `at` (a paragraph index), or at the cursor. */
  const renumber = (at?: number): void =>
    void run(
      "renumbering",
      "tree",
      async () => {
        const cursor = at === undefined ? await host.readCursor() : { paragraph: at };
        if (!cursor) throw new Error("请先把光标放到要重新编号的标题或其下的正文中。");
        const doc = await host.readDocument();
        const outline = buildOutline(doc);
        const node = outline.byParagraph.get(cursor.paragraph) ?? headingAt(outline, cursor.paragraph);
        if (!node) {
          setNotice({ intent: "info", text: "光标上方没有标题，没有可重新编号的序号。", where: "tree" });
          return;
        }
        const plan = renumberPlan(doc, outline, cursor.paragraph);
        if (plan.length === 0) {
          setNotice({
            intent: "info",
            where: "tree",
            text: node.marker.fromLabel ? "这一组序号是 Word 自动编号，请在 Word 的“编号”中调整。" : "这一组序号已是连续的，无需重新编号。",
          });
          return;
        }
        const expected: Record<number, string> = {};
        for (const e of plan) expected[e.paragraph] = doc.paragraphs[e.paragraph].text;
        const res = await host.applyFixes([{ description: "重新编号", text: plan }], expected, { undoLabel: "重新编号" });
        setNotice(
          res.applied > 0
            ? { intent: "success", text: `已重新编号，改了 ${plan.length} 个序号。`, where: "tree" }
            : { intent: "warning", text: "文档在读取之后有改动，未重新编号。请再试一次。", where: "tree" },
        );
        await reload();
      },
      () => renumber(at),
    );

  const format = (): void =>
    void run(
      "formatting",
      "format",
      async () => {
        const doc = await host.readDocument();
        let range: { from: number; to: number } | undefined;
        if (scope === "selection") {
          const cursor = await host.readCursor();
          if (!cursor) throw new Error("请先在文档中选中要排版的段落。");
          range = { from: cursor.paragraph, to: cursor.selectionEnd ?? cursor.paragraph };
        }
        const plan = formatPlan(doc, buildOutline(doc), profile.profile.format, range);
        if (plan.length === 0) {
          setNotice({ intent: "info", text: "所选范围内没有需要排版的段落（空行、表格和落款等不排版）。", where: "format" });
          return;
        }
        const expected: Record<number, string> = {};
        for (const e of plan) expected[e.paragraph] = doc.paragraphs[e.paragraph].text;
        const res = await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], expected, { undoLabel: FORMAT_UNDO_LABEL });
        setNotice(
          res.applied > 0
            ? {
                intent: "success",
                text: `已排版 ${new Set(plan.map((e) => e.paragraph)).size} 段：字体、字号、缩进、行距和大纲级别已按规范设置，文字未改动。`,
                where: "format",
                undoFormat: true,
              }
            : { intent: "warning", text: "文档在读取之后有改动，未排版。请再试一次。", where: "format" },
        );
        await reload();
      },
      () => format(),
    );

  /** 撤销排版: puts back the formatting 一键排版 replaced, when that is still the last change. */
  const undoFormat = (): void =>
    void run(
      "undoing",
      "format",
      async () => {
        if (host.undoLabel !== FORMAT_UNDO_LABEL) {
          focusNotice.current = true;
          setNotice({ intent: "info", text: "一键排版之后文档又经过了其他修改，无法单独撤销排版。", where: "format" });
          return;
        }
        const res = await host.undo();
        focusNotice.current = true;
        setNotice({ intent: res.skipped > 0 ? "warning" : "success", text: res.message, where: "format" });
        await reload();
      },
      () => undoFormat(),
    );

  useEffect(() => {
    if (!focusNotice.current || busy !== undefined || !notice) return;
    focusNotice.current = false;
    noticeRef.current?.focus();
  });

  const select = (paragraph: number): void =>
    void run(
      "selecting",
      "tree",
      async () => {
        setSelected(paragraph);
        await host.select(paragraph, 0, 0);
      },
      () => select(paragraph),
      true,
    );

  const disabled = busy !== undefined;
  const others: Finding[] = draft?.others ?? [];

  /** The spinner and messages of the part `where`. */
  const status = (where: Where) => {
    const here = notice?.where === where ? notice : undefined;
    const canUndo = here?.undoFormat === true && host.undoLabel === FORMAT_UNDO_LABEL;
    return (
      <StatusBlock
        busy={busy?.where === where ? BUSY_LABEL[busy.kind] : undefined}
        error={error?.during?.where === where ? error : undefined}
        notice={here}
        noticeRef={noticeRef}
        disabled={disabled}
        noticeActions={
          here && (here.action || canUndo) ? (
            <>
              {here.action && (
                <Button onClick={here.action.run} disabled={disabled}>
                  {here.action.label}
                </Button>
              )}
              {canUndo && (
                <Button onClick={undoFormat} disabled={disabled}>
                  撤销排版
                </Button>
              )}
            </>
          ) : undefined
        }
      />
    );
  };

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={`${ids}-tpl`}>
        <h2 id={`${ids}-tpl`} className={styles.heading}>
          插入提纲
        </h2>
        <TemplatePanel disabled={disabled} onInsert={insertTemplate} />
        {status("template")}
      </section>

      <section className={styles.section} aria-labelledby={`${ids}-tree`}>
        <h2 id={`${ids}-tree`} className={styles.heading}>
          文稿大纲
        </h2>
        <div className={styles.row}>
          <Button onClick={() => void reload(false)} disabled={disabled}>
            刷新
          </Button>
          <Field
            label="语速（字/分钟）"
            validationState={paceInvalid ? "error" : "none"}
            validationMessage={paceInvalid ? `请输入 ${PACE_MIN} 到 ${PACE_MAX} 之间的整数` : undefined}
          >
            <Input className={styles.pace} inputMode="numeric" value={paceText} onChange={(_e, d) => changePace(d.value)} />
          </Field>
        </div>
        {draft && stats && (
          <Body1 role="status">
            全文共 {stats.total.chars} 字，按每分钟 {pace} 字约需 {formatDuration(stats.total.seconds)}。
          </Body1>
        )}
        <div className={styles.row} role="group" aria-label="在光标处">
          <Button onClick={() => insertHeading("sibling")} disabled={disabled}>
            插入下一标题
          </Button>
          <Button onClick={() => insertHeading("child")} disabled={disabled}>
            插入下级标题
          </Button>
          <Button onClick={() => renumber()} disabled={disabled}>
            重新编号
          </Button>
        </div>
        {status("tree")}
        <Caption1>以上三项按光标所在位置操作：新标题插入到光标所在段落之后；重新编号只改光标所在的那一组同级序号。</Caption1>
        {draft && stats && draft.nodes.length > 0 && <OutlineTree draft={draft} stats={stats} selected={selected} onSelect={(n: OutlineNode) => select(n.paragraph)} />}
        {draft && draft.nodes.length === 0 && <Body1>文稿中还没有识别出标题（一、（一）1.（1））。</Body1>}
        {others.length > 0 && (
          <ul className={styles.others} aria-label="其他层次问题">
            {others.map((f, i) => (
              <li key={`${f.rule}|${f.paragraph}|${f.start}|${i}`}>
                <Link as="button" className={styles.other} onClick={() => select(f.paragraph)} title="在文档中选中此段">
                  第 {f.paragraph + 1} 段：{f.message}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby={`${ids}-fmt`}>
        <h2 id={`${ids}-fmt`} className={styles.heading}>
          一键排版
        </h2>
        <Body1>
          按“{profile.name}”{profile.unit ? `和单位样式“${profile.unit.name}”` : ""}排版（文稿类型在“检查”中选择）。
        </Body1>
        <UnitStylePanel rules={rules} disabled={disabled} />
        <Field label="排版范围">
          <RadioGroup layout="horizontal" value={scope} onChange={(_e, d) => setScope(d.value as Scope)}>
            <Radio value="document" label="全文" />
            <Radio value="selection" label="所选段落" />
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" onClick={format} disabled={disabled}>
            一键排版
          </Button>
        </div>
        {status("format")}
        <Caption1>按标题、各级标题、正文设置字体、字号、首行缩进、行距和大纲级别，只改格式，不改文字。</Caption1>
      </section>
    </div>
  );
}
