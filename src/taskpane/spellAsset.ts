/**
 * Where the spelling model file is and how it is read. Kept apart, and loaded only by the check
 * worker and (lazily, through checkWorker.ts) by the main-thread fallback: `import.meta.url` is
 * what webpack needs to emit assets/spell/spell.bin as `spell/spell.<contenthash>.bin` next to the
 * pages (the CommonJS test build cannot parse it), and the decoder should not weigh on the pane's
 * own scripts.
 */
import { decodeSpellModel } from "../core/spell/model";
import type { SpellModel } from "../core/spell/types";
import { readSpellModel } from "./checkJob";

/** Same origin as the pages (webpack resolves it against the script's own address). */
export const SPELL_MODEL_URL = new URL("../../assets/spell/spell.bin", import.meta.url).href;

/**
 * The add-in's only network request, and the only `fetch` scripts/lint.js allows: the model file
 * from the add-in's own server. `mode: "same-origin"` makes the browser refuse any other address
 * (test/project/bundle.test.ts checks that every fetch in the build carries it); the HTTP cache
 * keeps the bytes across sessions (the hashed name never changes content).
 */
export function loadSpellModel(): Promise<SpellModel> {
  return readSpellModel(() => fetch(SPELL_MODEL_URL, { mode: "same-origin", credentials: "same-origin" }), decodeSpellModel);
}
