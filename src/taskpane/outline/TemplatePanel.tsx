/**
 * 插入提纲: pick one of the templates, how many parts and second-level items, and the form of the
 * second level; see what will be inserted; insert it after the cursor's paragraph.
 */
import { Button, Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { InsertParagraph } from "../../core/host";
import { toCnNumeral } from "../../core/numbering";
import {
  SECTIONS_MAX,
  SECTIONS_MIN,
  SUBSECTIONS_MAX,
  SUBSECTIONS_MIN,
  TEMPLATES,
} from "../../core/outline/templates";
import type { SecondLevelForm, SkeletonOptions, Template } from "../../core/outline/types";

/** How the menu names the second-level forms. */
export const SECOND_LEVEL_CHOICES: Array<{ id: SecondLevelForm; label: string }> = [
  { id: "heading", label: "（一）标题" },
  { id: "yishi", label: "一是…" },
  { id: "diyi", label: "第一，…" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  controls: { display: "flex", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
  preview: {
    listStyleType: "none",
    margin: 0,
    padding: tokens.spacingHorizontalS,
    maxHeight: "240px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  title: { textAlign: "center", fontWeight: tokens.fontWeightSemibold },
  subtitle: { textAlign: "center" },
  level1: { fontWeight: tokens.fontWeightSemibold, paddingLeft: "1em" },
  level2: { paddingLeft: "2em" },
  body: { paddingLeft: "2em", color: tokens.colorNeutralForeground3 },
  signature: { textAlign: "right" },
});

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export interface TemplatePanelProps {
  /** Templates to offer (default: the built-in eight). */
  templates?: Template[];
  disabled: boolean;
  /** Inserts the paragraphs (the tab handles busy state, errors and the message). */
  onInsert(paras: InsertParagraph[]): void;
}

export function TemplatePanel({ templates = TEMPLATES, disabled, onInsert }: TemplatePanelProps) {
  const styles = useStyles();
  const [name, setName] = useState(templates[0]?.name ?? "");
  const template = templates.find((t) => t.name === name) ?? templates[0];
  const [options, setOptions] = useState<SkeletonOptions>(() => ({ ...(template?.defaults ?? { sections: 3, subsections: 2, secondLevel: "heading" }) }));
  const built = useMemo(() => (template ? template.build(options) : []), [template, options]);

  const pickTemplate = (next: string) => {
    setName(next);
    const t = templates.find((x) => x.name === next);
    if (t) setOptions({ ...t.defaults });
  };

  const cls = (role: InsertParagraph["role"]) =>
    role === "title"
      ? styles.title
      : role === "subtitle"
        ? styles.subtitle
        : role === "level1"
          ? styles.level1
          : role === "level2" || role === "level3" || role === "level4"
            ? styles.level2
            : role === "signature"
              ? styles.signature
              : styles.body;

  if (!template) return null;
  return (
    <div className={styles.root}>
      <Field label="提纲模板" hint={template.description}>
        <Select value={template.name} onChange={(_e, d) => pickTemplate(d.value)}>
          {templates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.controls}>
        <Field label="讲几点（一级标题数）">
          <Select value={String(options.sections)} onChange={(_e, d) => setOptions({ ...options, sections: Number(d.value) })}>
            {range(SECTIONS_MIN, SECTIONS_MAX).map((n) => (
              <option key={n} value={n}>
                {toCnNumeral(n)}点
              </option>
            ))}
          </Select>
        </Field>
        <Field label="每点下的小标题数">
          <Select value={String(options.subsections)} onChange={(_e, d) => setOptions({ ...options, subsections: Number(d.value) })}>
            {range(SUBSECTIONS_MIN, SUBSECTIONS_MAX).map((n) => (
              <option key={n} value={n}>
                {n === 0 ? "不要小标题" : `${toCnNumeral(n)}个`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="二级层次形式">
          <Select
            value={options.secondLevel}
            disabled={options.subsections === 0}
            onChange={(_e, d) => setOptions({ ...options, secondLevel: d.value as SecondLevelForm })}
          >
            {SECOND_LEVEL_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>提纲预览（共 {built.length} 段）</Caption1>
      <ul className={styles.preview} aria-label="提纲预览" tabIndex={0}>
        {built.map((p, i) => (
          <li key={i} className={cls(p.role)}>
            {p.text}
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" onClick={() => onInsert(built)} disabled={disabled}>
          插入提纲
        </Button>
      </div>
      <Caption1>提纲插入到光标所在段落之后；〔〕中的内容请换成实际内容。</Caption1>
    </div>
  );
}
