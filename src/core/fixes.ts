/**
 * Applying fixes to the document model: the appliers live with the edits in ./edits; this module
 * keeps the older import path working.
 */
export { applyEditsToText, applyFixes, applyFixesFully, applyFormatEdits, applyPagePatch, patchParagraph } from "./edits";
