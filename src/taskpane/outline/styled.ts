/**
 * Paragraphs the pane inserts (提纲, 插入下一标题 / 下级标题) carry their look from the pane's profile —
 * the chosen 文稿类型 with the 单位样式 applied — computed once in core (roleFormat), so the host
 * writes what 一键排版 would set rather than its own default house style.
 */
import { roleFormat } from "../../core/format/roles";
import type { InsertParagraph } from "../../core/host";
import type { FormatSpec } from "../../core/profiles";

export function withRoleFormat(paras: readonly InsertParagraph[], spec: FormatSpec): InsertParagraph[] {
  return paras.map((p) => ({ ...p, format: roleFormat(spec, p.role) }));
}
