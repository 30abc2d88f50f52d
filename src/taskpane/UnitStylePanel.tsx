/**
 * 单位样式 next to 一键排版: 导入单位样式 reads the unit's config file (.json, the one `biganzi
 * --config` takes) on this computer, checks it with core's config validator and keeps it in the
 * pane's store; from then on the pane-wide profile carries it (profileContext.tsx), so 检查, 一键排版
 * and inserted paragraphs follow it. A bad file is refused with the validator's Chinese sentence and
 * nothing is kept. 移除 goes back to the built-in profile.
 */
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import { ConfigError } from "../core/profiles";
import type { RuleInfo } from "../core/ruleOptions";
import { ALL_RULES } from "../core/rules";
import { PROFILE_OPTIONS, useProfile } from "./profileContext";
import { readText } from "./readFile";
import { MAX_CONFIG_BYTES, parseUnitStyle, unitProfileId, unitSummary } from "./unitStyle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: "wrap" },
});

export interface UnitStylePanelProps {
  /** The rules a config is checked against (default: the built-in ones, as the CLI does). */
  rules?: ReadonlyArray<RuleInfo>;
  /** Another action runs: import and 移除 wait. */
  disabled?: boolean;
}

interface Message {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export function UnitStylePanel({ rules = ALL_RULES, disabled }: UnitStylePanelProps) {
  const styles = useStyles();
  const { unit, unitProblem, setUnit, name: profileName } = useProfile();
  const [message, setMessage] = useState<Message>();
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // The same file may be picked again after it was corrected.
    e.target.value = "";
    if (!file) return;
    setMessage(undefined);
    if (file.size > MAX_CONFIG_BYTES) {
      setMessage({ intent: "error", text: `未能导入“${file.name}”：文件超过 1 MB，不像是本单位的配置文件（.json）。` });
      return;
    }
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setMessage({ intent: "error", text: `未能导入“${file.name}”：无法读取这个文件。` });
      return;
    }
    let next;
    try {
      next = parseUnitStyle(text, file.name, rules);
    } catch (err) {
      const why = err instanceof ConfigError ? err.message : "文件中有无法识别的内容。";
      setMessage({ intent: "error", text: `未能导入“${file.name}”：${why}` });
      return;
    }
    const kept = setUnit(next);
    const switched = unitProfileId(next, PROFILE_OPTIONS.map((p) => p.id));
    const what = unitSummary(next.config);
    const parts = [
      `已导入单位样式“${next.name}”${what ? `（${what}）` : ""}，检查、一键排版和插入的段落都按它执行。`,
      switched ? `文稿类型按配置改为“${PROFILE_OPTIONS.find((p) => p.id === switched)?.name ?? switched}”。` : "",
      kept ? "" : "未能保存到这台电脑上，关闭任务窗格后需要重新导入。",
    ];
    setMessage({ intent: kept ? "success" : "warning", text: parts.join("") });
  };

  const remove = () => {
    setUnit(undefined);
    setMessage({ intent: "info", text: `已移除单位样式，现按内置的“${profileName}”规范检查和排版。` });
  };

  return (
    <div className={styles.root} role="group" aria-label="单位样式">
      {unit ? (
        <div className={styles.row}>
          <Body1>已使用单位样式：{unit.name}</Body1>
          <Button size="small" onClick={remove} disabled={disabled}>
            移除
          </Button>
        </div>
      ) : (
        <Caption1>本单位规定的字体、字号、对齐、缩进和规则可写在配置文件（.json）中，导入后检查和排版都按它执行。</Caption1>
      )}
      <div className={styles.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled}>
          导入单位样式
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="选择单位样式配置文件"
          hidden
          onChange={(e) => void importFile(e)}
        />
      </div>
      {unitProblem && !unit && (
        <MessageBar intent="warning">
          <MessageBarBody>{unitProblem}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={remove} disabled={disabled}>
              移除
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
