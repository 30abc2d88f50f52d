/**
 * Where the 提示语 tab keeps what the clerk makes (favourites, 我的提示语) across sessions: a small
 * string key-value store. In Word and the preview page it is office-js-helpers' Storage over
 * localStorage (src/office/host.ts `createStore`); tests use `memoryStore`.
 */
import { createContext, useContext } from "react";

import type { KeyValueStore } from "../../core/host";

export { memoryStore, type KeyValueStore } from "../../core/host";

/** The store the taskpane was given; App provides one (an in-memory one when none was passed). */
export const StoreContext = createContext<KeyValueStore | undefined>(undefined);

export function useStore(): KeyValueStore | undefined {
  return useContext(StoreContext);
}
