/**
 * The house style by role (core/format/roles.ts) in Word's terms: alignment and outline-level
 * names, the named styles' definitions, and which named style a format patch restates. How a role
 * looks is decided in core only.
 */
import type { FormatPatch } from "../core/edits";
import { roleFormats as coreRoleFormats, styleFormat, STYLE_NAMES, type Role, type RoleFormat, type StyleName } from "../core/format/roles";
import { speechProfile, type FormatSpec } from "../core/profiles";

export { STYLE_NAMES, type Role, type RoleFormat, type StyleName };

export type WordAlignment = "Left" | "Centered" | "Right" | "Justified";

export const WORD_ALIGNMENT: Record<RoleFormat["alignment"], WordAlignment> = {
  left: "Left",
  center: "Centered",
  right: "Right",
  justify: "Justified",
};

/** Word's outline level for a 0-based one: 1–9 for headings, 10 for body text. */
export function wordOutlineLevel(level: number | undefined): number {
  return level !== undefined && level >= 0 && level <= 8 ? level + 1 : 10;
}

/** The house format of every role (the speech profile's when no spec is given). */
export function roleFormats(spec: FormatSpec = speechProfile().format): Record<Role, RoleFormat> {
  return coreRoleFormats(spec);
}

/** The definition a named style gets when it is created (the role that owns the name). */
export function styleDefinitions(spec: FormatSpec = speechProfile().format): Record<StyleName, RoleFormat> {
  const out = {} as Record<StyleName, RoleFormat>;
  for (const n of STYLE_NAMES) out[n] = styleFormat(spec, n);
  return out;
}

/**
 * The named style whose definition a format patch restates, if any: same East Asian font, same
 * size (when the patch has one), and the same outline level. A patch without an outline level
 * only matches a body-level style (公文标题, 正文), so applying the style never adds a heading level
 * the patch did not ask for.
 */
export function styleForPatch(set: FormatPatch, spec?: FormatSpec): StyleName | undefined {
  if (set.fontEastAsia === undefined) return undefined;
  const defs = styleDefinitions(spec);
  const found = STYLE_NAMES.filter((n) => {
    const d = defs[n];
    return d.fontEastAsia === set.fontEastAsia && (set.sizePt === undefined || d.sizePt === set.sizePt) && d.outlineLevel === set.outlineLevel;
  });
  return found.length === 1 ? found[0] : undefined;
}
