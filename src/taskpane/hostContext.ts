import { createContext, useContext } from "react";
import type { DocumentHost } from "../core/host";

/** The document the taskpane works on: Word (src/office) or the preview document (src/preview). */
export const HostContext = createContext<DocumentHost | undefined>(undefined);

export function useHost(): DocumentHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("未能连接到文档。");
  return host;
}
