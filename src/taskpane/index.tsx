import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { startOffice } from "../office/entry";
import { createStore } from "../office/host";
import { App } from "./App";
import { memoryStore } from "./phrases/store";

// office.js may be missing (a plain browser) or slow; render either way.
startOffice(({ host, theme }) => {
  const el = document.getElementById("root");
  if (!el) return;
  // Office's theme wins over the system's (taskpane.html's default): the page behind the pane
  // (overscroll, the moment before rendering) takes the pane's colour, scroll bars included.
  if (theme) {
    const root = document.documentElement;
    root.style.backgroundColor = (theme === "dark" ? webDarkTheme : webLightTheme).colorNeutralBackground1;
    root.style.colorScheme = theme;
  }
  // Favourites and 我的提示语 are kept on this computer (localStorage through office-js-helpers).
  void createStore("biganzi")
    .catch(() => memoryStore())
    .then((store) => createRoot(el).render(<App host={host} theme={theme} store={store} />));
});
