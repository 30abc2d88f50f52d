/**
 * The taskpane: three tabs — 大纲 (insert a speech skeleton), 提示语 (stock phrases for the
 * heading under the cursor), 检查 (the pre-submission check). It works on whatever
 * DocumentHost it is given: Word (src/office) or the preview document (src/preview).
 */
import {
  Body1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useContext, useId, useState } from "react";
import type { DocumentHost } from "../core/host";
import type { Rule } from "../core/rules";
import { HostContext } from "./hostContext";
import type { PhraseSource } from "./phrases/source";
import { memoryStore, StoreContext, type KeyValueStore } from "./phrases/store";
import { ProfileProvider } from "./profileContext";
import { useColorScheme, type ColorScheme } from "./theme";

// Each tab's code loads when the tab is first opened, keeping the pane's initial script small.
const CheckTab = lazy(() => import(/* webpackChunkName: "tab-check" */ "./CheckTab").then((m) => ({ default: m.CheckTab })));
const OutlineTab = lazy(() => import(/* webpackChunkName: "tab-outline" */ "./OutlineTab").then((m) => ({ default: m.OutlineTab })));
const PhrasesTab = lazy(() => import(/* webpackChunkName: "tab-phrases" */ "./PhrasesTab").then((m) => ({ default: m.PhrasesTab })));

export type TabId = "outline" | "phrases" | "check";
const TABS: Array<{ id: TabId; label: string }> = [
  { id: "outline", label: "大纲" },
  { id: "phrases", label: "提示语" },
  { id: "check", label: "检查" },
];

/** The tab named by `?tab=outline|phrases|check` (the ribbon buttons open the pane this way). */
export function tabFromSearch(search: string): TabId | undefined {
  const t = new URLSearchParams(search).get("tab");
  return TABS.some((x) => x.id === t) ? (t as TabId) : undefined;
}

const useStyles = makeStyles({
  root: {
    // The pane's own colour reaches the bottom of the window (taskpane.html gives #root the full height).
    minHeight: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  dark: { colorScheme: "dark" },
  light: { colorScheme: "light" },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: { paddingTop: tokens.spacingVerticalM },
});

export interface AppProps {
  /** The document to work on; without one the pane says it cannot reach the document. */
  host?: DocumentHost;
  /** Office's theme (the Word entry point passes it) or the preview's choice; without one, the system's. */
  theme?: ColorScheme;
  /** First tab; default from the URL's ?tab=, else 检查. */
  initialTab?: TabId;
  /** Rules for the check (default: all built-in rules). */
  rules?: Rule[];
  /** The phrase library and ranking (default: the built-in library, loaded when 提示语 is first shown). */
  phraseSource?: PhraseSource;
  /**
   * Where favourites and the user's own phrases are kept (Word and the preview: createStore in
   * src/office/host.ts); default: a StoreContext around the App, else memory only.
   */
  store?: KeyValueStore;
}

export function App({ host, theme, initialTab, rules, phraseSource, store }: AppProps) {
  const styles = useStyles();
  const scheme = useColorScheme(theme);
  // The store: the prop, else one provided around the App (the preview page), else memory only.
  const outerStore = useContext(StoreContext);
  const [pageStore] = useState(() => memoryStore());
  const [tab, setTab] = useState<TabId>(
    () => initialTab ?? (typeof window !== "undefined" ? tabFromSearch(window.location.search) : undefined) ?? "check",
  );
  // Tabs are mounted when first opened and then stay mounted, so results survive switching tabs.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const open = (t: TabId) => {
    setTab(t);
    setOpened((prev) => (prev.has(t) ? prev : new Set([...prev, t])));
  };
  const base = useId();
  const tabId = (t: TabId) => `${base}-tab-${t}`;
  const panelId = (t: TabId) => `${base}-panel-${t}`;

  return (
    <FluentProvider theme={scheme === "dark" ? webDarkTheme : webLightTheme} className={mergeClasses(styles.root, styles[scheme])} data-theme={scheme}>
      <main>
        <h1 className={styles.heading}>笔杆子</h1>
        {!host ? (
          <MessageBar intent="error">
            <MessageBarBody>未能连接到文档。请在 Word 中打开本加载项，或关闭任务窗格后重新打开。不用 Word 试用：打开同一地址下的 <a href="preview.html">preview.html</a>（浏览器预览）。</MessageBarBody>
          </MessageBar>
        ) : (
          <HostContext.Provider value={host}>
            <StoreContext.Provider value={store ?? outerStore ?? pageStore}>
              {/* The 文稿类型 is the pane's, not a tab's: chosen in 检查, used by 一键排版 in 大纲. */}
              <ProfileProvider>
                <TabList selectedValue={tab} onTabSelect={(_e, d) => open(d.value as TabId)} aria-label="功能">
                  {TABS.map((t) => (
                    <Tab key={t.id} value={t.id} id={tabId(t.id)} aria-controls={panelId(t.id)}>
                      {t.label}
                    </Tab>
                  ))}
                </TabList>
                {TABS.map((t) => (
                  <div
                    key={t.id}
                    role="tabpanel"
                    id={panelId(t.id)}
                    aria-labelledby={tabId(t.id)}
                    hidden={tab !== t.id}
                    className={styles.panel}
                  >
                    {opened.has(t.id) && (
                      <Suspense fallback={<Spinner size="small" label="正在载入……" />}>
                        {t.id === "outline" && <OutlineTab rules={rules} />}
                        {t.id === "phrases" && <PhrasesTab source={phraseSource} active={tab === "phrases"} />}
                        {t.id === "check" && <CheckTab rules={rules} />}
                      </Suspense>
                    )}
                  </div>
                ))}
              </ProfileProvider>
            </StoreContext.Provider>
          </HostContext.Provider>
        )}
        {host?.kind === "preview" && <Body1 as="p">（预览文档，仅在本页内存中修改。）</Body1>}
      </main>
    </FluentProvider>
  );
}
