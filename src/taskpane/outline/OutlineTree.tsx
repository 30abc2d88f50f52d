/**
 * The draft's outline as an ARIA tree: one treeitem per heading with its marker and title, a fault
 * mark with the check's message when the numbering rules report something on it, its character
 * count and speaking time. Keyboard: ↑ ↓ Home End move, → opens / goes to the first child,
 * ← closes / goes to the parent, Enter or Space selects the heading in the document.
 */
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { OutlineStats } from "../../core/outline/actions";
import type { OutlineNode } from "../../core/numbering";
import { nodeLabel, type Draft } from "./draft";
import { formatDuration } from "./pace";

const useStyles = makeStyles({
  tree: {
    margin: 0,
    padding: tokens.spacingHorizontalXS,
    maxHeight: "360px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalSNudge}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  line: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalSNudge },
  twisty: { width: "1em", flexShrink: 0, color: tokens.colorNeutralForeground3 },
  label: { flexGrow: 1, overflowWrap: "anywhere" },
  level1: { fontWeight: tokens.fontWeightSemibold },
  stats: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", flexShrink: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  fault: { color: tokens.colorPaletteRedForeground1 },
});

export interface OutlineTreeProps {
  draft: Draft;
  stats: OutlineStats;
  /** The heading last selected from the tree. */
  selected?: number;
  onSelect(node: OutlineNode): void;
}

export function OutlineTree({ draft, stats, selected, onSelect }: OutlineTreeProps) {
  const styles = useStyles();
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [focused, setFocused] = useState<number>();
  const refs = useRef(new Map<number, HTMLDivElement>());
  const { nodes, doc, faults } = draft;

  // Only nodes whose ancestors are all open are shown.
  const visible = useMemo(
    () =>
      nodes.filter((n) => {
        for (let p = n.parent; p; p = p.parent) if (collapsed.has(p.paragraph)) return false;
        return true;
      }),
    [nodes, collapsed],
  );
  // Position among the siblings shown in the tree (merged headings are not shown).
  const siblingsOf = (n: OutlineNode) => (n.parent ? n.parent.children : draft.outline.roots).filter((s) => !s.merged);
  const hasChildren = (n: OutlineNode) => n.children.some((c) => !c.merged);
  const current = visible.find((n) => n.paragraph === focused) ?? visible.find((n) => n.paragraph === selected) ?? visible[0];

  const focus = (n: OutlineNode | undefined) => {
    if (!n) return;
    setFocused(n.paragraph);
    refs.current.get(n.paragraph)?.focus();
  };
  const toggle = (n: OutlineNode, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(n.paragraph);
      else next.add(n.paragraph);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, n: OutlineNode) => {
    const k = visible.indexOf(n);
    let handled = true;
    switch (e.key) {
      case "ArrowDown":
        focus(visible[k + 1]);
        break;
      case "ArrowUp":
        focus(visible[k - 1]);
        break;
      case "Home":
        focus(visible[0]);
        break;
      case "End":
        focus(visible[visible.length - 1]);
        break;
      case "ArrowRight":
        if (hasChildren(n)) {
          if (collapsed.has(n.paragraph)) toggle(n, true);
          else focus(n.children.find((c) => !c.merged));
        }
        break;
      case "ArrowLeft":
        if (hasChildren(n) && !collapsed.has(n.paragraph)) toggle(n, false);
        else if (n.parent && !n.parent.merged) focus(n.parent);
        break;
      case "Enter":
      case " ":
        onSelect(n);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div role="tree" aria-label="文稿大纲" className={styles.tree}>
      {visible.map((n) => {
        const s = stats.byParagraph.get(n.paragraph);
        const f = faults.get(n.paragraph) ?? [];
        const sibs = siblingsOf(n);
        const parentOpen = hasChildren(n) ? !collapsed.has(n.paragraph) : undefined;
        return (
          <div
            key={n.paragraph}
            ref={(el) => {
              if (el) refs.current.set(n.paragraph, el);
              else refs.current.delete(n.paragraph);
            }}
            role="treeitem"
            aria-level={n.depth}
            aria-setsize={sibs.length}
            aria-posinset={sibs.indexOf(n) + 1}
            aria-selected={n.paragraph === selected}
            aria-expanded={parentOpen}
            tabIndex={n === current ? 0 : -1}
            className={`${styles.item} ${n.paragraph === selected ? styles.selected : ""}`}
            style={{ paddingLeft: `${6 + (n.depth - 1) * 16}px` }}
            onClick={() => {
              setFocused(n.paragraph);
              onSelect(n);
            }}
            onFocus={() => setFocused(n.paragraph)}
            onKeyDown={(e) => onKeyDown(e, n)}
          >
            <span className={styles.line}>
              <span
                className={styles.twisty}
                aria-hidden="true"
                onClick={(e) => {
                  if (parentOpen === undefined) return;
                  e.stopPropagation();
                  toggle(n, !parentOpen);
                }}
              >
                {parentOpen === undefined ? "" : parentOpen ? "▾" : "▸"}
              </span>
              <span className={`${styles.label} ${n.depth === 1 ? styles.level1 : ""}`}>{nodeLabel(doc, n)}</span>
              {f.length > 0 && (
                <Badge appearance="tint" color="danger" size="small" className={styles.badge}>
                  有误
                </Badge>
              )}
              {s && (
                <Caption1 className={styles.stats}>
                  {s.chars} 字 · 约{formatDuration(s.seconds)}
                </Caption1>
              )}
            </span>
            {f.map((x, i) => (
              <Caption1 key={i} className={styles.fault}>
                {x.message}
              </Caption1>
            ))}
          </div>
        );
      })}
    </div>
  );
}
