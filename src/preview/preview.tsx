/** Entry of preview.html: the taskpane against an in-memory document, in a plain browser. */
import { createRoot } from "react-dom/client";
import { createStore } from "../office/host";
import { memoryStore, StoreContext } from "../taskpane/phrases/store";
import { PreviewPage } from "./PreviewPage";

const el = document.getElementById("root");
// Favourites and 我的提示语 persist in this browser's localStorage, as in Word.
if (el) {
  void createStore("biganzi")
    .catch(() => memoryStore())
    .then((store) =>
      createRoot(el).render(
        <StoreContext.Provider value={store}>
          <PreviewPage />
        </StoreContext.Provider>,
      ),
    );
}
