/**
 * Light or dark: the pane follows Office's theme where Office says it (src/office/entry.ts
 * officeTheme), else the system's (prefers-color-scheme), and follows the system live when it
 * changes. No DOM access at import time (the tests and the worker import nothing from here).
 */
import { useEffect, useState } from "react";

export type ColorScheme = "light" | "dark";

const QUERY = "(prefers-color-scheme: dark)";

function media(): MediaQueryList | undefined {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(QUERY) : undefined;
}

/** The system's scheme now (light where the browser cannot say). */
export function systemScheme(): ColorScheme {
  return media()?.matches ? "dark" : "light";
}

/** The system's scheme, kept up to date while mounted. */
export function useSystemScheme(): ColorScheme {
  const [scheme, setScheme] = useState<ColorScheme>(systemScheme);
  useEffect(() => {
    const m = media();
    if (!m) return;
    const on = () => setScheme(m.matches ? "dark" : "light");
    on();
    // Safari before 14 has only the deprecated addListener.
    if (typeof m.addEventListener === "function") {
      m.addEventListener("change", on);
      return () => m.removeEventListener("change", on);
    }
    m.addListener(on);
    return () => m.removeListener(on);
  }, []);
  return scheme;
}

/** The scheme to use: the one given (Office's, the preview's toggle), else the system's. */
export function useColorScheme(given?: ColorScheme): ColorScheme {
  const system = useSystemScheme();
  return given ?? system;
}
