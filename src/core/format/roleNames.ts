/**
 * The names of the paragraph roles and of the alignments a unit may give them. Kept free of
 * imports so that both profiles.ts (which validates a unit's `format.roles`) and format/roles.ts
 * (which says how each role looks) can use them without importing each other.
 */

/** Every role a paragraph can be written in: the detected ones plus those a skeleton inserts. */
export const ROLES = [
  "title", "subtitle", "salutation", "level1", "level2", "level3", "level4", "body", "closing", "signature",
  // The 公文 elements of GB/T 9704 (format/elements.ts recognises them).
  "copyNo", "secret", "urgency", "issuer", "docNo", "signer", "signerName", "attachment", "date", "note", "copyTo", "printer",
] as const;
export type Role = (typeof ROLES)[number];

/** The Chinese name of each role, for config errors and the README. */
export const ROLE_NAMES_ZH: Record<Role, string> = {
  title: "标题",
  subtitle: "副题",
  salutation: "称谓或主送机关",
  level1: "一级标题",
  level2: "二级标题",
  level3: "三级标题",
  level4: "四级标题",
  body: "正文",
  closing: "结束语",
  signature: "发文机关署名",
  copyNo: "份号",
  secret: "密级和保密期限",
  urgency: "紧急程度",
  issuer: "发文机关标志",
  docNo: "发文字号",
  signer: "签发人",
  signerName: "签发人姓名",
  attachment: "附件说明",
  date: "成文日期",
  note: "附注",
  copyTo: "抄送机关",
  printer: "印发机关和印发日期",
};

/** Alignments a unit may set for a role (分散对齐 is never a house style). */
export const ROLE_ALIGNMENTS = ["left", "center", "right", "justify"] as const;
export type RoleAlignment = (typeof ROLE_ALIGNMENTS)[number];

/** What a unit's config may set for one role (`format.roles.<role>`); unset keys keep the profile's. */
export interface RoleStyle {
  /** Accepted East Asian fonts; the first is the one formatting applies. */
  fonts?: string[];
  sizePt?: number;
  bold?: boolean;
  alignment?: RoleAlignment;
  /** First-line indent in characters. */
  indentChars?: number;
}
