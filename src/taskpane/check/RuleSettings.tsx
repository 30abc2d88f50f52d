/**
 * 规则设置 in the 检查 tab: a dialog with one switch per rule, grouped by category, for the 文稿类型
 * chosen in the tab (each has its own set). A switched-off rule is not run in the next check and
 * its findings leave the list at once; the settings are kept in the document like 忽略此规则 (see
 * ruleSwitches.ts). Rules the profile or the unit config turns off stay off: their switch is
 * disabled and says why.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { CATEGORIES, type Category } from "../../core/findings";
import type { DocumentState } from "../../core/host";
import { isProfileId, PROFILES, type Profile } from "../../core/profiles";
import type { Rule } from "../../core/rules";
import { ignoredWholeRules, resetRules, setRuleOn, switchedOff } from "../ruleSwitches";
import { CATEGORY_LABEL } from "./group";

const TEXT_INDENT = `calc(40px + 2 * ${tokens.spacingHorizontalS} + ${tokens.spacingHorizontalXS})`;

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column" },
  // Lined up with the switch's label: past Fluent's 40px track, its margins and the label's padding.
  text: { paddingLeft: TEXT_INDENT, color: tokens.colorNeutralForeground2 },
  note: { paddingLeft: TEXT_INDENT, color: tokens.colorNeutralForeground1 },
});

export interface RuleSettingsProps {
  /** The rules the tab runs. */
  rules: readonly Rule[];
  /** The profile chosen in the tab, with the unit config applied. */
  profile: Profile;
  /** The document state (ignore lists and rule switches). */
  state: DocumentState;
  /** Called with the state to keep after a switch or 恢复默认. */
  onChange(next: DocumentState): void;
  /** Busy: the 规则设置 button waits. */
  disabled?: boolean;
}

type RuleRow = { rule: Rule; on: boolean; fixed: boolean; note?: string };

/** Why a rule or some of its checks cannot be switched on here, or what already switched it off. */
function rowOf(rule: Rule, profile: Profile, base: Profile | undefined, off: Set<string>, ignored: Set<string>): RuleRow {
  const own = Object.prototype.hasOwnProperty.call(profile.rules, rule.id) ? profile.rules[rule.id] : undefined;
  if (own === "off") {
    const byProfile = base?.rules[rule.id] === "off";
    return { rule, on: false, fixed: true, note: byProfile ? `“${profile.name}”不做此项检查。` : "单位配置已关闭此规则，这里不能打开。" };
  }
  if (ignored.has(rule.id)) {
    return { rule, on: false, fixed: false, note: "已在本文档中用“忽略此规则”忽略（各文稿类型都不显示），打开即恢复。" };
  }
  const checksOff = Object.entries(rule.messages ?? {})
    .filter(([id]) => profile.rules[`${rule.id}/${id}`] === "off")
    .map(([, name]) => `“${name}”`);
  const note = checksOff.length > 0 ? `单位配置已关闭其中的${checksOff.join("")}检查。` : undefined;
  return { rule, on: !off.has(rule.id), fixed: false, note };
}

export function RuleSettings({ rules, profile, state, onChange, disabled }: RuleSettingsProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const baseId = useId();
  const base = useMemo(() => (isProfileId(profile.id) ? PROFILES[profile.id]() : undefined), [profile.id]);

  const rows = useMemo(() => {
    const off = switchedOff(state, profile.id);
    const ignored = ignoredWholeRules(state);
    return rules.map((r) => rowOf(r, profile, base, off, ignored));
  }, [rules, profile, base, state]);

  // Catalogue order of the categories, rule-list order inside each.
  const groups = useMemo(() => {
    const by = new Map<Category, RuleRow[]>();
    for (const row of rows) {
      const list = by.get(row.rule.category);
      if (list) list.push(row);
      else by.set(row.rule.category, [row]);
    }
    return CATEGORIES.filter((c) => by.has(c)).map((c) => ({ category: c, rows: by.get(c) ?? [] }));
  }, [rows]);

  // Only what the clerk switched off here counts; the profile's own "off" is not a setting of theirs.
  const offCount = rows.filter((r) => !r.on && !r.fixed).length;
  const introId = `${baseId}-intro`;

  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>{offCount > 0 ? `规则设置（已关闭 ${offCount} 条）` : "规则设置"}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={introId}>
        <DialogBody>
          <DialogTitle>规则设置：{profile.name}</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 id={introId}>
              关闭的规则在“{profile.name}”的检查中不再运行，结果中也不再列出。设置保存在本文档中，每种文稿类型各有一套。
            </Caption1>
            {groups.map((g, gi) => {
              const headingId = `${baseId}-c${gi}`;
              return (
                <section key={g.category} aria-labelledby={headingId}>
                  <h3 id={headingId} className={styles.heading}>
                    {CATEGORY_LABEL[g.category] ?? g.category}
                  </h3>
                  <ul className={styles.list}>
                    {g.rows.map((row, ri) => {
                      const descId = `${baseId}-d${gi}-${ri}`;
                      const noteId = `${baseId}-n${gi}-${ri}`;
                      return (
                        <li key={row.rule.id} className={styles.item}>
                          <Switch
                            label={row.rule.title}
                            checked={row.on}
                            disabled={row.fixed}
                            aria-describedby={row.note ? `${descId} ${noteId}` : descId}
                            onChange={(_e, d) => onChange(setRuleOn(state, profile.id, row.rule.id, d.checked))}
                          />
                          <Caption1 id={descId} className={styles.text}>
                            {row.rule.description}
                          </Caption1>
                          {row.note && (
                            <Caption1 id={noteId} className={styles.note}>
                              {row.note}
                            </Caption1>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onChange(resetRules(state, profile.id))} disabled={offCount === 0}>
              恢复默认
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">完成</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
