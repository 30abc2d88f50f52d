/**
 * The preview document: each paragraph a block in its fonts; a click puts the cursor there;
 * the selection is shown with <mark>, a caret with a thin bar.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useReducer, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { fontFamily, fontLabel, sizeLabel } from "../core/format/fonts";
import type { Paragraph, Run } from "../core/model";
import type { MemoryHost, MemorySelection } from "./memoryHost";

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

const useStyles = makeStyles({
  page: {
    backgroundColor: "#fff",
    color: "#000",
    maxWidth: "640px",
    margin: "0 auto",
    padding: "48px 56px",
    boxShadow: tokens.shadow8,
    lineHeight: 1.9,
  },
  para: {
    margin: 0,
    minHeight: "1.9em",
    cursor: "text",
    borderRadius: "2px",
    ":hover": { backgroundColor: "#f3f6fb" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: "#eef3fb" },
  caret: {
    display: "inline-block",
    width: "0",
    height: "1.1em",
    borderLeft: "2px solid #0f6cbd",
    verticalAlign: "text-bottom",
    marginRight: "-2px",
  },
  label: { color: "#555" },
});

function runStyle(r: Pick<Run, "fontEastAsia" | "fontLatin" | "sizePt" | "bold">): CSSProperties {
  const name = r.fontEastAsia;
  return {
    fontFamily: name ? `"${name}", ${FONT_STACK[fontFamily(name)]}` : undefined,
    fontSize: r.sizePt ? `${r.sizePt * SCALE}pt` : undefined,
    fontWeight: r.bold ? 700 : undefined,
  };
}

function paraStyle(p: Paragraph): CSSProperties {
  const size = (p.runs[0]?.sizePt ?? 16) * SCALE;
  const indentEm = p.firstLineIndentChars ?? (p.firstLineIndentPt !== undefined ? p.firstLineIndentPt / (p.runs[0]?.sizePt ?? 16) : 0);
  return {
    textAlign: p.alignment === "distribute" ? "justify" : (p.alignment ?? "justify"),
    textIndent: indentEm ? `${indentEm}em` : undefined,
    fontSize: `${size}pt`,
  };
}

/** The text of a paragraph cut into pieces at run and selection boundaries. */
function renderText(p: Paragraph, sel: MemorySelection | undefined, caretClass: string): ReactNode[] {
  const runs: Array<Pick<Run, "start" | "end" | "fontEastAsia" | "fontLatin" | "sizePt" | "bold">> =
    p.runs.length > 0 ? p.runs : [{ start: 0, end: p.text.length }];
  const cuts = new Set<number>([0, p.text.length]);
  for (const r of runs) cuts.add(r.start).add(r.end);
  if (sel) cuts.add(sel.start).add(sel.end);
  const points = [...cuts].filter((x) => x >= 0 && x <= p.text.length).sort((a, b) => a - b);
  const out: ReactNode[] = [];
  const caretAt = sel && sel.start === sel.end ? sel.start : -1;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === caretAt) out.push(<span key={`c${a}`} className={caretClass} aria-hidden="true" />);
    const run = runs.find((r) => r.start <= a && r.end >= b) ?? runs[0];
    const piece = (
      <span key={a} data-start={a} style={runStyle(run)}>
        {p.text.slice(a, b)}
      </span>
    );
    out.push(sel && sel.start < sel.end && a >= sel.start && b <= sel.end ? <mark key={`m${a}`}>{piece}</mark> : piece);
  }
  if (caretAt === p.text.length) out.push(<span key="c-end" className={caretClass} aria-hidden="true" />);
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

export function DocumentView({ host }: { host: MemoryHost }) {
  const styles = useStyles();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.subscribe(rerender), [host]);
  const sel = host.currentSelection;
  const paras = host.model.paragraphs;

  const onKey = (e: KeyboardEvent<HTMLElement>, p: Paragraph) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      host.placeCursor(p.index, p.text.length);
    }
  };

  return (
    <article className={styles.page} aria-label="文档">
      {paras.map((p) => {
        const here = sel?.paragraph === p.index ? sel : undefined;
        const first = p.runs[0];
        const tip = first?.fontEastAsia ? `${fontLabel(first.fontEastAsia)}${first.sizePt ? " " + sizeLabel(first.sizePt) : ""}` : undefined;
        return (
          <p
            key={p.index}
            className={`${styles.para} ${here ? styles.current : ""}`}
            style={paraStyle(p)}
            tabIndex={0}
            title={tip}
            data-paragraph={p.index}
            onClick={(e) => host.placeCursor(p.index, offsetFromClick(e, p))}
            onKeyDown={(e) => onKey(e, p)}
          >
            {p.listLabel && <span className={styles.label}>{p.listLabel}</span>}
            {renderText(p, here, styles.caret)}
          </p>
        );
      })}
    </article>
  );
}
