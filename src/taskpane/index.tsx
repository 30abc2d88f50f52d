import { createRoot } from "react-dom/client";
import { startOffice } from "../office/entry";
import { App } from "./App";

// office.js may be missing (a plain browser) or slow; render either way.
startOffice(({ host, theme }) => {
  const el = document.getElementById("root");
  if (el) createRoot(el).render(<App host={host} theme={theme} />);
});
