/**
 * The preview page: the document on the left, the real taskpane on the right, both working on
 * one in-memory document. Opens a .docx or .txt from disk (read in the page; nothing is uploaded)
 * and gives the document back: 下载文档 writes it as a .docx in the page (no network) — into the
 * opened .docx when there is one, so what the preview did not touch stays as it was — 撤销 takes
 * back the last fix or edit. Light or dark follows the system, with a switch.
 */
import {
  Body1,
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Switch,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from "react";
import { MAX_INPUT_BYTES, readDocument } from "../core/reader";
import { withOrigins } from "../core/writer/spliceModel";
import { App } from "../taskpane/App";
import { userMessage } from "../taskpane/errors";
import { useStore } from "../taskpane/phrases/store";
import { useSystemScheme, type ColorScheme } from "../taskpane/theme";
import { DocumentView } from "./DocumentView";
import { exportDocument, exportFileName, type UploadedDocx } from "./exportDocx";
import { MemoryHost } from "./memoryHost";
import { sampleDraft } from "./sampleDraft";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** The clerk's light/dark choice, kept with the page's other settings (favourites, 我的提示语). */
const THEME_KEY = "preview.theme";

const useStyles = makeStyles({
  root: { height: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground3 },
  dark: { colorScheme: "dark" },
  light: { colorScheme: "light" },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  main: { flex: 1, display: "flex", minHeight: 0 },
  doc: { flex: 1, overflowY: "auto", padding: tokens.spacingHorizontalXXL },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
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

type Notice = { intent: "success" | "error" | "info"; text: string };

export function PreviewPage({ host: given }: PreviewPageProps) {
  const styles = useStyles();
  const host = useMemo(() => given ?? new MemoryHost(sampleDraft(), { latencyMs: 120 }), [given]);
  const [opened, setOpened] = useState(0);
  const [fileName, setFileName] = useState("示例讲话稿（内置）");
  const [notice, setNotice] = useState<Notice>();
  /** The .docx opened (its bytes and the model read from them): 下载文档 writes into it. */
  const uploaded = useRef<UploadedDocx | undefined>(undefined);
  // 撤销's label follows every change of the document.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.subscribe(rerender), [host]);

  const store = useStore();
  const system = useSystemScheme();
  const [chosen, setChosen] = useState<ColorScheme | undefined>(() => {
    const v = store?.get(THEME_KEY);
    return v === "dark" || v === "light" ? v : undefined;
  });
  const scheme = chosen ?? system;
  const setDark = (dark: boolean) => {
    const next: ColorScheme = dark ? "dark" : "light";
    setChosen(next);
    store?.set(THEME_KEY, next);
  };

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setNotice(undefined);
    try {
      if (file.size > MAX_INPUT_BYTES) {
        throw new Error(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限。`);
      }
      const bytes = await readBytes(file);
      const model = readDocument(bytes, file.name);
      // Each paragraph remembers where it sits in the file, so 下载文档 can find it again.
      uploaded.current = model.source === "docx" ? { bytes, read: model } : undefined;
      host.open(uploaded.current ? withOrigins(model) : model);
      setFileName(file.name);
      setOpened((n) => n + 1); // a fresh taskpane for the new document
    } catch (err) {
      setNotice({ intent: "error", text: `无法打开「${file.name}」：${userMessage(err)}` });
    }
  };

  const download = useCallback(() => {
    setNotice(undefined);
    if (typeof URL.createObjectURL !== "function") {
      setNotice({ intent: "error", text: "这个浏览器不支持下载文件，无法导出文档。" });
      return;
    }
    try {
      const res = exportDocument(host.model, { comments: host.comments, uploaded: uploaded.current, pageNumbers: host.document.pageNumbers });
      const bytes = res.bytes;
      const name = exportFileName(fileName);
      // Made in the page and handed to the browser as a local object URL: nothing is sent anywhere.
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const notes = host.comments.length > 0 ? `，含 ${host.comments.length} 条批注` : "";
      if (res.fellBack) {
        setNotice({ intent: "info", text: `已下载「${name}」${notes}。原文件结构特殊，无法在原文件上写入修改，已按当前内容重新生成，表格、页眉页脚和脚注未保留。` });
      } else if (res.spliced && res.kept > 0) {
        setNotice({ intent: "info", text: `已下载「${name}」${notes}。有 ${res.kept} 段含域、图片或脚注引用，其文字修改未写入，请在 Word 中核对。` });
      } else if (res.spliced) {
        setNotice({ intent: "success", text: `已下载「${name}」${notes}，原文件的样式、编号、表格和页眉页脚保持不变。` });
      } else {
        setNotice({ intent: "success", text: `已下载「${name}」${notes}。` });
      }
    } catch (err) {
      setNotice({ intent: "error", text: `未能生成文档：${userMessage(err)}` });
    }
  }, [host, fileName]);

  const undo = useCallback(async () => {
    setNotice(undefined);
    try {
      const res = await host.undo();
      setNotice({ intent: res.skipped > 0 ? "info" : "success", text: `${res.message}检查结果可能已过时，请重新检查。` });
    } catch (err) {
      setNotice({ intent: "error", text: userMessage(err) });
    }
  }, [host]);

  const undoLabel = host.undoLabel;

  return (
    <FluentProvider theme={scheme === "dark" ? webDarkTheme : webLightTheme} className={mergeClasses(styles.root, styles[scheme])} data-theme={scheme}>
      <header className={styles.bar}>
        <h1 className={styles.title}>笔杆子 · 预览</h1>
        <label>
          打开文档 <input type="file" accept=".docx,.txt" onChange={(e) => void open(e)} />
        </label>
        <div className={styles.actions} role="group" aria-label="文档操作">
          <Button onClick={download}>下载文档</Button>
          <Button onClick={() => void undo()} disabled={!undoLabel} title={undoLabel ? `撤销「${undoLabel}」（Ctrl+Z）` : "没有可以撤销的修改"}>
            {undoLabel ? `撤销：${undoLabel}` : "撤销"}
          </Button>
          <Switch label="深色模式" checked={scheme === "dark"} onChange={(_e, d) => setDark(d.checked)} />
        </div>
        <Body1>当前：{fileName}。点击段落放置光标，双击段落修改文字；修改只在本页内存中进行。</Body1>
      </header>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.main}>
        <section className={styles.doc} aria-label="文档预览">
          <DocumentView host={host} onUndo={() => void undo()} />
        </section>
        <aside className={styles.pane} aria-label="任务窗格">
          <App key={opened} host={host} theme={scheme} />
        </aside>
      </div>
    </FluentProvider>
  );
}
