/** The numbering parser and outline builder. */
export * from "./types";
export {
  findMergedHeadings,
  findRunIns,
  scanParagraph,
  formatMarker,
  formatNumeral,
  isSpaceChar,
  levelOf,
  markerFromLabel,
  parseCnNumeral,
  parseMarker,
  scanMarkerAt,
  skipSpaces,
  toCnNumeral,
} from "./markers";
export { buildOutline, isSalutationLine, parseSalutation, type Salutation } from "./outline";
