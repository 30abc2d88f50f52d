// Placeholder until the numbering parser lands (being written in this session).
import type { DocModel } from "../model";
import type { Outline } from "./types";
export function buildOutline(_doc: DocModel): Outline {
  return { roots: [], headings: [], byParagraph: new Map(), runIns: new Map(), merged: [] };
}
