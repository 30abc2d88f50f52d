/** The finding in its sentence: the fault struck through, the fix inserted, named when invisible. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import { findingContext, visible } from "./context";

const useStyles = makeStyles({
  line: { fontFamily: "inherit" },
  oneLine: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  removed: { textDecorationLine: "line-through", color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  inserted: { textDecorationLine: "none", color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

export function ContextLine({ finding, text, expanded }: { finding: Finding; text: string; expanded: boolean }) {
  const styles = useStyles();
  const c = findingContext(finding, text);
  return (
    <span className={styles.line}>
      <span className={expanded ? undefined : styles.oneLine} data-testid="context" style={{ display: "block" }}>
        {c.before}
        {c.inserted === undefined ? (
          <mark className={styles.mark}>{visible(c.removed)}</mark>
        ) : (
          <>
            {c.removed && <del className={styles.removed}>{visible(c.removed)}</del>}
            {c.inserted && <ins className={styles.inserted}>{visible(c.inserted)}</ins>}
          </>
        )}
        {c.after}
      </span>
      {c.change && <Caption1>{c.change}</Caption1>}
    </span>
  );
}
