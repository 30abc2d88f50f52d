/** A controllable prefers-color-scheme for jsdom (which has no matchMedia). */
type Listener = () => void;

export interface SchemeControl {
  set(dark: boolean): void;
  restore(): void;
}

export function mockColorScheme(dark: boolean): SchemeControl {
  const listeners = new Set<Listener>();
  const w = window as unknown as { matchMedia?: (q: string) => MediaQueryList };
  const had = Object.prototype.hasOwnProperty.call(w, "matchMedia");
  const previous = w.matchMedia;
  const state = { dark };
  w.matchMedia = (query: string) => {
    const scheme = query.includes("prefers-color-scheme: dark");
    return {
      get matches() {
        return scheme ? state.dark : false;
      },
      media: query,
      onchange: null,
      addEventListener: (_t: string, l: Listener) => scheme && listeners.add(l),
      removeEventListener: (_t: string, l: Listener) => listeners.delete(l),
      addListener: (l: Listener) => scheme && listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
      dispatchEvent: () => true,
    } as unknown as MediaQueryList;
  };
  return {
    set(d: boolean) {
      state.dark = d;
      for (const l of [...listeners]) l();
    },
    restore() {
      if (had) w.matchMedia = previous;
      else delete w.matchMedia;
    },
  };
}
