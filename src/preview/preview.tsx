/** Entry of preview.html: the taskpane against an in-memory document, in a plain browser. */
import { createRoot } from "react-dom/client";
import { PreviewPage } from "./PreviewPage";

const el = document.getElementById("root");
if (el) createRoot(el).render(<PreviewPage />);
