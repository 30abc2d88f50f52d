/**
 * The preview page: the document on the left, the real taskpane on the right, both working on
 * one in-memory document. Opens a .docx or .txt from disk (read in the page; nothing is uploaded).
 */
import { Body1, FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState, type ChangeEvent } from "react";
import { MAX_INPUT_BYTES, readDocument } from "../core/reader";
import { App } from "../taskpane/App";
import { userMessage } from "../taskpane/errors";
import { DocumentView } from "./DocumentView";
import { MemoryHost } from "./memoryHost";
import { sampleDraft } from "./sampleDraft";

const useStyles = makeStyles({
  root: { height: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground3 },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: "16px",
    flexWrap: "wrap",
    padding: "8px 16px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  main: { flex: 1, display: "flex", minHeight: 0 },
  doc: { flex: 1, overflowY: "auto", padding: "24px" },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The file's bytes (FileReader where Blob.arrayBuffer is missing, as in older engines and jsdom). */
function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(new Error("无法读取这个文件。"));
    r.readAsArrayBuffer(file);
  });
}

export interface PreviewPageProps {
  host?: MemoryHost;
}

export function PreviewPage({ host: given }: PreviewPageProps) {
  const styles = useStyles();
  const host = useMemo(() => given ?? new MemoryHost(sampleDraft(), { latencyMs: 120 }), [given]);
  const [opened, setOpened] = useState(0);
  const [fileName, setFileName] = useState("示例讲话稿（内置）");
  const [error, setError] = useState<string>();

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setError(undefined);
    try {
      if (file.size > MAX_INPUT_BYTES) {
        throw new Error(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限。`);
      }
      const bytes = await readBytes(file);
      const model = readDocument(bytes, file.name);
      host.open(model);
      setFileName(file.name);
      setOpened((n) => n + 1); // a fresh taskpane for the new document
    } catch (err) {
      setError(`无法打开「${file.name}」：${userMessage(err)}`);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.bar}>
        <h1 className={styles.title}>笔杆子 · 预览</h1>
        <label>
          打开文档 <input type="file" accept=".docx,.txt" onChange={(e) => void open(e)} />
        </label>
        <Body1>当前：{fileName}。点击段落放置光标；修改只在本页内存中进行。</Body1>
      </header>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.main}>
        <section className={styles.doc} aria-label="文档预览">
          <DocumentView host={host} />
        </section>
        <aside className={styles.pane} aria-label="任务窗格">
          <App key={opened} host={host} />
        </aside>
      </div>
    </FluentProvider>
  );
}
