/**
 * The preview document: each paragraph a block in its fonts; a click puts the cursor there; the
 * selection is shown with <mark>, a caret with a thin bar. When the pane selects a place (a
 * finding, a heading) the document scrolls to it and flashes it, and a screen reader hears where.
 * Comments made by 写入批注 are highlighted in the text and listed beside their paragraph.
 * A paragraph can be edited in place (double-click, or Enter on it): typing in a 【】 or XX
 * placeholder fills it.
 */
import { Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  Fragment,
  useCallback,
  useEffect,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import { fontFamily, fontLabel, sizeLabel } from "../core/format/fonts";
import type { Paragraph, ParagraphBorder, Run } from "../core/model";
import type { MemoryComment, MemoryHost, MemorySelection } from "./memoryHost";

const FONT_STACK: Record<ReturnType<typeof fontFamily>, string> = {
  fangsong: '"仿宋_GB2312", "仿宋", FangSong, STFangsong, serif',
  kaiti: '"楷体_GB2312", "楷体", KaiTi, STKaiti, serif',
  heiti: '"黑体", SimHei, STHeiti, "Noto Sans CJK SC", sans-serif',
  xiaobiaosong: '"方正小标宋简体", "方正小标宋_GBK", STZhongsong, "华文中宋", SimSun, serif',
  songti: '"宋体", SimSun, STSong, "Noto Serif CJK SC", serif',
  other: "serif",
};

/** On screen the page is shown at three quarters of print size. */
const SCALE = 0.75;

/** Notes shown beside a paragraph before 展开: the rest of a comma-heavy paragraph's 30 notes wait. */
const NOTES_SHOWN = 3;

const useStyles = makeStyles({
  page: {
    // The paper follows the theme: dark paper with light text in dark mode, as Word's dark mode shows it.
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    maxWidth: "640px",
    margin: "0 auto",
    // The paper's own margins (a fixed layout size of the page imitation, not spacing between controls).
    padding: "48px 56px",
    boxShadow: tokens.shadow8,
    lineHeight: 1.9,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    alignItems: "start",
  },
  /** With comments: a margin column beside the text, as Word shows comments. */
  withNotes: {
    maxWidth: "880px",
    gridTemplateColumns: "minmax(0, 1fr) 13.5em",
    columnGap: tokens.spacingHorizontalXXL,
  },
  para: {
    margin: 0,
    minHeight: "1.9em",
    cursor: "text",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  caret: {
    display: "inline-block",
    width: "0",
    height: "1.1em",
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    verticalAlign: "text-bottom",
    marginRight: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  label: { color: tokens.colorNeutralForeground3 },
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  /** The place the pane just asked to see: a ring that fades, so the eye finds it after the scroll. */
  flash: {
    animationName: {
      from: { outline: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}`, outlineOffset: tokens.strokeWidthThin },
      to: { outline: `${tokens.strokeWidthThicker} solid transparent`, outlineOffset: tokens.strokeWidthThin },
    },
    animationDuration: "1.6s",
    animationTimingFunction: "ease-out",
    "@media (prefers-reduced-motion: reduce)": {
      animationName: "none",
      outline: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}`,
    },
  },
  commented: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    borderBottom: `${tokens.strokeWidthThick} dotted ${tokens.colorPaletteMarigoldBorder2}`,
  },
  notes: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingBottom: tokens.spacingVerticalXS,
  },
  note: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  noteQuote: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: "flex-start", fontSize: tokens.fontSizeBase200 },
  editor: {
    display: "block",
    boxSizing: "border-box",
    width: "100%",
    font: "inherit",
    lineHeight: "inherit",
    textIndent: 0,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    resize: "vertical",
    fieldSizing: "content",
  },
  frame: { position: "relative" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

type Styles = ReturnType<typeof useStyles>;

/**
 * A colour of the document on the themed paper: black (Word's automatic colour) follows the
 * theme's text colour, so that it stays visible on dark paper; any other (the red 发文机关标志) as set.
 */
function paperColor(rrggbb: string | undefined): string | undefined {
  if (!rrggbb || !/^[0-9A-Fa-f]{6}$/.test(rrggbb) || /^0{6}$/.test(rrggbb)) return undefined;
  return `#${rrggbb}`;
}

function runStyle(r: Pick<Run, "fontEastAsia" | "fontLatin" | "sizePt" | "bold" | "color">): CSSProperties {
  const name = r.fontEastAsia;
  return {
    fontFamily: name ? `"${name}", ${FONT_STACK[fontFamily(name)]}` : undefined,
    fontSize: r.sizePt ? `${r.sizePt * SCALE}pt` : undefined,
    fontWeight: r.bold ? 700 : undefined,
    color: paperColor(r.color),
  };
}

/** A separator line (版头, 版记) as a CSS border, scaled like the text, never thinner than a hairline. */
function borderCss(b: ParagraphBorder): string {
  return `${Math.max(0.5, b.widthPt * SCALE)}pt solid ${paperColor(b.color) ?? "currentColor"}`;
}

function paraStyle(p: Paragraph): CSSProperties {
  const pt = p.runs[0]?.sizePt ?? 16;
  const size = pt * SCALE;
  const indentEm = p.firstLineIndentChars ?? (p.firstLineIndentPt !== undefined ? p.firstLineIndentPt / pt : 0);
  // Indents in characters where the document states them, else from points at the first run's size.
  const leftEm = p.leftIndentChars ?? (p.leftIndentPt !== undefined ? p.leftIndentPt / pt : 0);
  const rightEm = p.rightIndentChars ?? (p.rightIndentPt !== undefined ? p.rightIndentPt / pt : 0);
  return {
    textAlign: p.alignment === "distribute" ? "justify" : (p.alignment ?? "justify"),
    // A hanging indent (附件说明, 抄送) is a negative first line under a left indent.
    textIndent: indentEm ? `${indentEm}em` : undefined,
    marginLeft: leftEm ? `${leftEm}em` : undefined,
    marginRight: rightEm ? `${rightEm}em` : undefined,
    borderTop: p.borderTop ? borderCss(p.borderTop) : undefined,
    paddingTop: p.borderTop ? `${p.borderTop.spacePt * SCALE}pt` : undefined,
    borderBottom: p.borderBottom ? borderCss(p.borderBottom) : undefined,
    paddingBottom: p.borderBottom ? `${p.borderBottom.spacePt * SCALE}pt` : undefined,
    fontSize: `${size}pt`,
  };
}

/** A comment's range in the paragraph, clamped (the text may have changed since); empty = the whole paragraph. */
function commentRange(c: MemoryComment, length: number): [number, number] {
  const s = Math.max(0, Math.min(c.start, length));
  const e = Math.max(s, Math.min(c.end, length));
  return s === e ? [0, length] : [s, e];
}

/** The text of a paragraph cut into pieces at run, selection and comment boundaries. */
function renderText(p: Paragraph, sel: MemorySelection | undefined, comments: MemoryComment[], styles: Styles, flash: boolean): ReactNode[] {
  const runs: Array<Pick<Run, "start" | "end" | "fontEastAsia" | "fontLatin" | "sizePt" | "bold">> =
    p.runs.length > 0 ? p.runs : [{ start: 0, end: p.text.length }];
  const ranges = comments.map((c) => ({ c, r: commentRange(c, p.text.length) }));
  const cuts = new Set<number>([0, p.text.length]);
  for (const r of runs) cuts.add(r.start).add(r.end);
  if (sel) cuts.add(sel.start).add(sel.end);
  for (const { r } of ranges) cuts.add(r[0]).add(r[1]);
  const points = [...cuts].filter((x) => x >= 0 && x <= p.text.length).sort((a, b) => a - b);
  const out: ReactNode[] = [];
  const caretAt = sel && sel.start === sel.end ? sel.start : -1;
  let firstMark = true;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === caretAt) out.push(<span key={`c${a}`} className={styles.caret} aria-hidden="true" />);
    const run = runs.find((r) => r.start <= a && r.end >= b) ?? runs[0];
    const notes = ranges.filter(({ r }) => r[0] <= a && b <= r[1]);
    const piece = (
      <span
        key={a}
        data-start={a}
        style={runStyle(run)}
        className={notes.length > 0 ? styles.commented : undefined}
        title={notes.length > 0 ? notes.map(({ c }) => `批注：${c.text}`).join("\n") : undefined}
      >
        {p.text.slice(a, b)}
      </span>
    );
    if (sel && sel.start < sel.end && a >= sel.start && b <= sel.end) {
      // The first piece of the selection carries the flash (and is what the view scrolls to).
      out.push(
        <mark key={`m${a}`} className={mergeClasses(styles.mark, flash && firstMark && styles.flash)} data-selection={firstMark ? "" : undefined}>
          {piece}
        </mark>,
      );
      firstMark = false;
    } else out.push(piece);
  }
  if (caretAt === p.text.length) out.push(<span key="c-end" className={styles.caret} aria-hidden="true" />);
  return out;
}

/** Offset in the paragraph text under a click, from the browser's caret position; the end when unknown. */
function offsetFromClick(e: MouseEvent<HTMLElement>, p: Paragraph): number {
  const doc = e.currentTarget.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | undefined;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === "function") {
    const pos = doc.caretPositionFromPoint(e.clientX, e.clientY);
    if (pos) [node, offset] = [pos.offsetNode, pos.offset];
  } else if (typeof doc.caretRangeFromPoint === "function") {
    const r = doc.caretRangeFromPoint(e.clientX, e.clientY);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  const span = node?.nodeType === 3 ? node.parentElement?.closest<HTMLElement>("[data-start]") : undefined;
  if (span && e.currentTarget.contains(span)) return Math.min(p.text.length, Number(span.dataset.start) + offset);
  return p.text.length;
}

const prefersReducedMotion = (): boolean =>
  typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** A short quote of a place for notes and announcements: 「…」 around at most 12 characters. */
function quote(text: string): string {
  const t = text.length > 12 ? `${text.slice(0, 12)}…` : text;
  return `「${t}」`;
}

/** One paragraph's comments beside it: the first few, the rest behind 展开. */
function Notes({ p, comments, styles }: { p: Paragraph; comments: MemoryComment[]; styles: Styles }) {
  const [all, setAll] = useState(false);
  const shown = all ? comments : comments.slice(0, NOTES_SHOWN);
  return (
    <div className={styles.notes} data-notes-for={p.index}>
      {shown.map((c, i) => {
        const [s, e] = commentRange(c, p.text.length);
        const whole = s === 0 && e === p.text.length;
        return (
          <div key={i} role="note" aria-label="批注" className={styles.note}>
            {!whole && <span className={styles.noteQuote}>{quote(p.text.slice(s, e))}：</span>}
            {c.text}
          </div>
        );
      })}
      {comments.length > NOTES_SHOWN && (
        <Link as="button" className={styles.more} aria-expanded={all} onClick={() => setAll((x) => !x)}>
          {all ? "收起批注" : `另有 ${comments.length - NOTES_SHOWN} 条批注`}
        </Link>
      )}
    </div>
  );
}

interface EditorProps {
  p: Paragraph;
  selection: MemorySelection | undefined;
  className: string;
  onDone: (text: string | undefined) => void;
}

/**
 * A paragraph being typed in: a textarea with the paragraph's text (the selection, e.g. the XX a
 * finding selected, already selected so typing replaces it). Enter or leaving it keeps the text,
 * Esc drops it. A paragraph has no line breaks: pasted ones are dropped.
 */
function ParagraphEditor({ p, selection, className, onDone }: EditorProps) {
  const [value, setValue] = useState(p.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const s = selection?.paragraph === p.index ? selection.start : p.text.length;
    const e = selection?.paragraph === p.index ? selection.end : p.text.length;
    el.setSelectionRange(s, e);
    // Only when the editor opens: later selection changes come from the typing itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const finish = (text: string | undefined) => {
    if (done.current) return;
    done.current = true;
    onDone(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an IME candidate (拼音 input) is not the end of editing.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === "Enter") {
      e.preventDefault();
      finish(value);
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish(undefined);
    }
  };
  return (
    <textarea
      ref={ref}
      className={className}
      aria-label={`编辑第 ${p.index + 1} 段`}
      aria-description="回车保存，Esc 取消"
      value={value}
      rows={Math.max(2, Math.ceil(value.length / 30))}
      onChange={(e) => setValue(e.target.value.replace(/[\r\n\u2028\u2029]+/g, ""))}
      onKeyDown={onKeyDown}
      onBlur={() => finish(value)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

export interface DocumentViewProps {
  host: MemoryHost;
  /** Ctrl+Z in the document (outside an edited paragraph): the page's 撤销. */
  onUndo?: () => void;
}

export function DocumentView({ host, onUndo }: DocumentViewProps) {
  const styles = useStyles();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.subscribe(rerender), [host]);
  const articleRef = useRef<HTMLElement>(null);
  const [editing, setEditing] = useState<number>();
  /** The last place the pane asked to see; `n` makes asking twice for one place scroll again. */
  const [reveal, setReveal] = useState<{ at: MemorySelection; n: number }>();
  const [announcement, setAnnouncement] = useState("");
  /** The reveal whose flash is showing; cleared once it has faded, so later re-renders do not replay it. */
  const [flashing, setFlashing] = useState<number>();

  useEffect(
    () =>
      host.onReveal((at) => {
        setReveal((prev) => ({ at, n: (prev?.n ?? 0) + 1 }));
        const p = host.model.paragraphs[at.paragraph];
        if (p) {
          const part = at.start < at.end ? p.text.slice(at.start, at.end) : p.text;
          setAnnouncement(`已定位到第 ${at.paragraph + 1} 段${quote(part)}。`);
        }
      }),
    [host],
  );

  useEffect(() => {
    if (!reveal) return;
    const root = articleRef.current;
    const para = root?.querySelector<HTMLElement>(`[data-paragraph="${reveal.at.paragraph}"]`);
    const target = para?.querySelector<HTMLElement>("mark[data-selection]") ?? para;
    // jsdom and old engines have no scrollIntoView.
    if (target && typeof target.scrollIntoView === "function") {
      target.scrollIntoView({ block: "center", inline: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    }
    setFlashing(reveal.n);
    const t = setTimeout(() => setFlashing((n) => (n === reveal.n ? undefined : n)), 1700);
    return () => clearTimeout(t);
  }, [reveal]);

  const sel = host.currentSelection;
  const paras = host.model.paragraphs;
  const comments = host.comments;
  const byPara = new Map<number, MemoryComment[]>();
  for (const c of comments) {
    const list = byPara.get(c.paragraph) ?? [];
    list.push(c);
    byPara.set(c.paragraph, list);
  }
  const withNotes = byPara.size > 0;

  const finishEdit = useCallback(
    (index: number, text: string | undefined) => {
      setEditing(undefined);
      if (text !== undefined) host.editParagraph(index, text);
      // Back on the paragraph, so the keyboard continues where it was.
      setTimeout(() => articleRef.current?.querySelector<HTMLElement>(`[data-paragraph="${index}"]`)?.focus(), 0);
    },
    [host],
  );

  const onKey = (e: KeyboardEvent<HTMLElement>, p: Paragraph) => {
    if (editing === p.index) return;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (sel?.paragraph !== p.index) host.placeCursor(p.index, p.text.length);
      setEditing(p.index);
    } else if (e.key === " ") {
      e.preventDefault();
      host.placeCursor(p.index, p.text.length);
    }
  };

  const onArticleKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!onUndo || editing !== undefined) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
      e.preventDefault();
      onUndo();
    }
  };

  return (
    // Positioned, so the hidden announcement stays inside the scrolling document and never makes
    // the page itself scroll.
    <div className={styles.frame}>
      <article
        ref={articleRef}
        className={mergeClasses(styles.page, withNotes && styles.withNotes)}
        aria-label="文档"
        aria-description="双击段落或按回车可直接修改文字"
        onKeyDown={onArticleKey}
      >
        {paras.map((p) => {
          const here = sel?.paragraph === p.index ? sel : undefined;
          const first = p.runs[0];
          const tip = first?.fontEastAsia ? `${fontLabel(first.fontEastAsia)}${first.sizePt ? " " + sizeLabel(first.sizePt) : ""}` : undefined;
          const notes = byPara.get(p.index) ?? [];
          const isEditing = editing === p.index;
          const flash = reveal !== undefined && flashing === reveal.n && reveal.at.paragraph === p.index;
          return (
            <Fragment key={p.index}>
              <p
                className={mergeClasses(styles.para, here && styles.current, flash && !(here && here.start < here.end) && styles.flash)}
                style={paraStyle(p)}
                tabIndex={isEditing ? -1 : 0}
                title={isEditing ? undefined : tip ? `${tip}（双击修改）` : "双击修改"}
                data-paragraph={p.index}
                onClick={(e) => {
                  if (!isEditing) host.placeCursor(p.index, offsetFromClick(e, p));
                }}
                onDoubleClick={() => {
                  if (!isEditing) setEditing(p.index);
                }}
                onKeyDown={(e) => onKey(e, p)}
              >
                {p.listLabel && <span className={styles.label}>{p.listLabel}</span>}
                {isEditing ? (
                  <ParagraphEditor p={p} selection={sel} className={styles.editor} onDone={(t) => finishEdit(p.index, t)} />
                ) : (
                  // Keyed by the reveal (not by the flash), so asking again for the same place replays the
                  // flash, and the element scrolled to is the one that stays.
                  <span key={reveal?.at.paragraph === p.index ? `r${reveal.n}` : "t"}>{renderText(p, here, notes, styles, flash)}</span>
                )}
              </p>
              {withNotes && <Notes p={p} comments={notes} styles={styles} />}
            </Fragment>
          );
        })}
      </article>
      <div aria-live="polite" aria-atomic="true" className={styles.visuallyHidden}>
        {announcement}
      </div>
    </div>
  );
}
