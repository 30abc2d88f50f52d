import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(): void {
  const el = document.getElementById("root");
  if (el) createRoot(el).render(<App />);
}

// office.js may be missing (a plain browser) or slow; render either way.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      render();
    }
  };
  Office.onReady(once);
  setTimeout(once, 3000);
} else {
  render();
}
