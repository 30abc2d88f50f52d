/**
 * 提示语: the heading the cursor sits under and stock phrases for it, from the phrase library
 * (loaded on demand) and the clerk's own phrases (我的提示语). The part of the speech the cursor is
 * in (opening, section, closing) goes to the ranking too: in the closing remarks it offers closing
 * calls. Filters by domain (领域, remembered across sessions), kind and theme, a search over the
 * whole library, favourites; a click inserts a phrase as plain text, never into or over a heading
 * or a selection the pane made (core/phrases/placement.ts).
 * Follows the cursor (debounced; a late answer to an older request is dropped).
 */
import { roleFormat } from "../core/format/roles";
import { PLACEMENT_NOTE } from "../core/phrases/placement";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import type { CursorContext } from "../core/host";
import { DOMAINS, PHRASE_KINDS, THEMES, type Domain, type PhraseEntry, type PhraseKind, type Theme } from "../core/phrases/types";
import { userMessage } from "./errors";
import { headingLevelOfText } from "./headings";
import { useHostAction } from "./hooks/useHostAction";
import { useHost } from "./hostContext";
import { useProfile } from "./profileContext";
import { ConfirmDelete, LEVEL_LABEL, PhraseDialog } from "./phrases/PhraseDialog";
import { listPhrases, NO_FILTERS, sharesText, type PhraseFilters } from "./phrases/phraseList";
import { libraryPhraseSource, type LoadedPhrases, type PhraseQuery, type PhraseSource } from "./phrases/source";
import { memoryStore, useStore, type KeyValueStore } from "./phrases/store";
import {
  exportJson,
  isUserPhrase,
  loadDomain,
  loadFavourites,
  loadUserPhrases,
  makeUserPhrase,
  MAX_IMPORT_BYTES,
  MAX_USER_PHRASES,
  normalizedKey,
  parseImport,
  saveDomain,
  saveFavourites,
  saveUserPhrases,
  type ExportedPhrase,
  type UserPhrase,
} from "./phrases/userPhrases";
import { StatusBlock } from "./StatusBlock";
import { readText } from "./readFile";

export const CURSOR_DEBOUNCE_MS = 250;
/** Phrases shown at first, and added by 显示更多. */
export const PAGE_SIZE = 30;
export const EXPORT_FILE_NAME = "我的提示语.json";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  where: {
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalSNudge },
  wide: { gridColumn: "1 / -1" },
  checks: { gridColumn: "1 / -1", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  phrase: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    width: "100%",
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  meta: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  metaText: { flex: 1, color: tokens.colorNeutralForeground3 },
  mine: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalSNudge, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalSNudge },
});

export interface PhrasesTabProps {
  /** Where the library and the ranking come from (default: the built-in library, loaded on demand). */
  source?: PhraseSource;
  /** False while the tab is hidden: the library is loaded the first time the tab is shown. */
  active?: boolean;
}

type LoadState = { status: "idle" | "loading" } | { status: "ready"; loaded: LoadedPhrases } | { status: "error"; message: string };
type Note = { intent: "success" | "error" | "info"; text: string };

function metaText(e: PhraseEntry): string {
  const parts: string[] = [e.kind === "标题" && e.level ? `${e.kind}·${LEVEL_LABEL[e.level].slice(0, 4)}` : e.kind, e.themes.join("、")];
  if (isUserPhrase(e)) parts.push("我的");
  return parts.join(" · ");
}

export function PhrasesTab({ source = libraryPhraseSource, active = true }: PhrasesTabProps) {
  const host = useHost();
  const profile = useProfile();
  const styles = useStyles();
  const given = useStore();
  const [fallbackStore] = useState(() => memoryStore());
  const store: KeyValueStore = given ?? fallbackStore;

  /** undefined = not read yet; null = no cursor in the document. */
  const [cursor, setCursor] = useState<CursorContext | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  // Inserting a phrase is the tab's one host action; the other notes (saved, exported) share its notice.
  const { busy: inserting, error: insertError, notice: note, setNotice: setNote, run } = useHostAction<"inserting", Note>();
  const request = useRef(0);

  const [load, setLoad] = useState<LoadState>({ status: "idle" });
  // The domain chosen last time (a clerk of the 教育局 keeps to 教育); the other filters start afresh.
  const [filters, setFilters] = useState<PhraseFilters>(() => {
    const domain = loadDomain(store);
    return domain ? { ...NO_FILTERS, domain } : NO_FILTERS;
  });
  const search = useDeferredValue(filters.search);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [favourites, setFavourites] = useState<Set<string>>(() => loadFavourites(store));
  const [mine, setMine] = useState<UserPhrase[]>(() => loadUserPhrases(store));
  const [editing, setEditing] = useState<UserPhrase | "new">();
  const [deleting, setDeleting] = useState<UserPhrase>();
  // The phrase last asked about, so the closing dialog keeps its text.
  const lastDeleting = useRef<UserPhrase | undefined>(undefined);
  if (deleting) lastDeleting.current = deleting;
  const fileInput = useRef<HTMLInputElement>(null);
  const mineHeading = useId();

  // ---- the cursor ----
  const refresh = useCallback(async () => {
    const id = ++request.current;
    try {
      const c = await host.readCursor();
      if (id !== request.current) return; // a newer request is on its way
      setCursor(c ?? null);
      setError(undefined);
    } catch (e) {
      if (id === request.current) setError(userMessage(e));
    }
  }, [host]);

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onSelectionChanged(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, CURSOR_DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
      request.current++; // drop answers that arrive after unmounting
    };
  }, [host, refresh]);

  // ---- the library, loaded the first time the tab is shown ----
  const loadRequest = useRef(0);
  const loadLibrary = useCallback(() => {
    const id = ++loadRequest.current;
    setLoad({ status: "loading" });
    source.load().then(
      (loaded) => id === loadRequest.current && setLoad({ status: "ready", loaded }),
      (e: unknown) => id === loadRequest.current && setLoad({ status: "error", message: userMessage(e) }),
    );
  }, [source]);

  const started = useRef(false);
  useEffect(() => {
    if (!active || started.current) return;
    started.current = true;
    loadLibrary();
  }, [active, loadLibrary]);

  // ---- what to list ----
  const part = cursor?.part;
  // In the opening or the closing remarks the heading above (if any) is not what the clerk writes
  // about: the part decides, with the paragraph being written as context.
  const inFrame = part === "opening" || part === "closing";
  const heading = inFrame ? undefined : cursor?.heading?.text;
  const level = heading === undefined ? undefined : (cursor?.heading?.level ?? headingLevelOfText(heading));
  const query = useMemo<PhraseQuery>(() => {
    const context: NonNullable<PhraseQuery["context"]> = {};
    // The paragraph being written stands for the text before the cursor ("" would mean the top of the document).
    if (cursor && cursor.text.trim() && cursor.paragraph !== cursor.heading?.paragraph) context.before = cursor.text;
    if (part) context.part = part;
    return {
      heading: heading ?? "",
      ...(level !== undefined ? { level } : {}),
      ...(Object.keys(context).length ? { context } : {}),
    };
  }, [heading, level, cursor, part]);
  const loaded = load.status === "ready" ? load.loaded : undefined;
  const suggest = useMemo(() => (loaded ? (loaded.withExtra ? loaded.withExtra(mine) : loaded.suggest) : undefined), [loaded, mine]);
  const pool = useMemo(() => [...mine, ...(loaded?.entries ?? [])], [mine, loaded]);
  const effective = useMemo(() => ({ ...filters, search }), [filters, search]);
  const phrases = useMemo(
    () => listPhrases({ pool, suggest, suggestCoversUser: !!loaded?.withExtra, query, filters: effective, favourites }),
    [pool, suggest, loaded, query, effective, favourites],
  );

  // A new heading or new filters start from the top of the list again.
  useEffect(() => setShown(PAGE_SIZE), [query, effective]);

  const setFilter = <K extends keyof PhraseFilters>(k: K, v: PhraseFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  const chooseDomain = (domain: Domain | undefined) => {
    setFilter("domain", domain);
    try {
      saveDomain(store, domain);
    } catch {
      // Not remembered next time; the filter still applies now.
    }
  };

  // ---- actions ----
  const persist = (save: () => void) => {
    try {
      save();
    } catch {
      setNote({ intent: "error", text: "没能保存到本机，关闭 Word 后这次的修改可能丢失。" });
    }
  };

  const insert = (text: string) =>
    run("inserting", async () => {
      // A phrase in a paragraph of its own looks as the pane's 文稿类型 (and 单位样式) write body text.
      const placed = await host.insertPhrase(text, roleFormat(profile.profile.format, "body"));
      return { intent: "success", text: PLACEMENT_NOTE[placed] };
    });

  const toggleFavourite = (id: string) => {
    const next = new Set(favourites);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setFavourites(next);
    persist(() => saveFavourites(store, next));
  };

  const saveMine = (next: UserPhrase[], message: string) => {
    setMine(next);
    setNote({ intent: "success", text: message });
    // After the success note, so that a failed save is what the clerk reads.
    persist(() => saveUserPhrases(store, next));
  };

  const onSaveForm = (p: ExportedPhrase) => {
    const target = editing;
    setEditing(undefined);
    if (target === "new" || target === undefined) {
      if (mine.length >= MAX_USER_PHRASES) {
        setNote({ intent: "error", text: `我的提示语最多 ${MAX_USER_PHRASES} 条，请先删除一些。` });
        return;
      }
      saveMine([makeUserPhrase(p), ...mine], "已添加到我的提示语。");
    } else {
      saveMine(
        mine.map((m) => (m.id === target.id ? makeUserPhrase(p, m.id) : m)),
        "已保存修改。",
      );
    }
  };

  const onConfirmDelete = () => {
    const target = deleting;
    setDeleting(undefined);
    if (!target) return;
    saveMine(
      mine.filter((m) => m.id !== target.id),
      "已删除。",
    );
    if (favourites.has(target.id)) {
      const next = new Set(favourites);
      next.delete(target.id);
      setFavourites(next);
      persist(() => saveFavourites(store, next));
    }
  };

  const exportMine = () => {
    setNote(undefined);
    if (typeof URL.createObjectURL !== "function") {
      setNote({ intent: "error", text: "这个环境不支持下载文件，无法导出。" });
      return;
    }
    const blob = new Blob([exportJson(mine)], { type: "application/json;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = EXPORT_FILE_NAME;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNote({ intent: "success", text: `已导出 ${mine.length} 条提示语（文件“${EXPORT_FILE_NAME}”）。` });
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setNote(undefined);
    let text: string;
    try {
      // Too big: refuse before reading it.
      text = file.size > MAX_IMPORT_BYTES ? "" : await readText(file);
    } catch {
      setNote({ intent: "error", text: "导入失败：无法读取这个文件。" });
      return;
    }
    const checked = parseImport(text, file.size);
    if (!checked.ok) {
      setNote({ intent: "error", text: checked.error });
      return;
    }
    const have = new Set(mine.map((m) => normalizedKey(m)));
    const added: UserPhrase[] = [];
    let skipped = 0;
    for (const p of checked.phrases) {
      const key = normalizedKey(p);
      if (have.has(key)) {
        skipped++;
        continue;
      }
      have.add(key);
      added.push(makeUserPhrase(p));
    }
    if (mine.length + added.length > MAX_USER_PHRASES) {
      setNote({ intent: "error", text: `导入失败：我的提示语最多 ${MAX_USER_PHRASES} 条，现有 ${mine.length} 条，再导入 ${added.length} 条就超过了。` });
      return;
    }
    saveMine(
      [...mine, ...added],
      `已导入 ${added.length} 条提示语${skipped ? `，跳过 ${skipped} 条已有的` : ""}。`,
    );
  };

  // ---- view ----
  const visible = phrases.slice(0, shown);
  const searched = search.trim();
  // Worked out only for an empty list (the search test walks the whole library).
  const emptyText = phrases.length > 0
    ? ""
    : filters.favouritesOnly && favourites.size === 0
    ? "还没有收藏。点提示语下方的 ☆ 收藏，常用的就能在这里找到。"
    : filters.mineOnly && mine.length === 0
      ? "还没有我的提示语。点“添加提示语”或“导入”。"
      : searched && !pool.some((e) => sharesText(e.text, searched))
        ? `没有找到与“${searched}”相关的提示语。可以换个说法再搜。`
        : "没有符合条件的提示语。可以换个关键词，或把领域、类型、主题改回“全部”。";

  return (
    <div className={styles.root}>
      <div className={styles.where} role="status" aria-live="polite">
        {cursor === undefined ? (
          <Spinner size="tiny" label="正在读取光标位置…" />
        ) : cursor === null ? (
          <Body1>请先在文档中点击要写的位置。下面是通用的提示语。</Body1>
        ) : part === "opening" ? (
          <Body1>光标上方没有标题：这里是讲话的开头部分，下面是开头的提示语。</Body1>
        ) : part === "closing" ? (
          <Body1>光标在讲话的结尾部分（最后一部分之后），下面是结尾的提示语。</Body1>
        ) : heading ? (
          <>
            <Caption1>光标所在标题</Caption1>
            <Body1 as="p" style={{ margin: 0 }}>
              {heading}
            </Body1>
          </>
        ) : (
          <Body1>光标上方没有标题，下面是通用的提示语。</Body1>
        )}
      </div>

      <StatusBlock error={error !== undefined ? { text: error, retry: () => void refresh() } : undefined} />
      <StatusBlock busy={inserting && "正在插入…"} error={insertError} notice={note} />

      {(load.status === "idle" || load.status === "loading") && active && <Spinner size="small" label="正在载入提示语库……" />}
      <StatusBlock
        error={load.status === "error" ? { text: `提示语库没有载入：${load.message} 下面只列出我的提示语。`, retry: () => loadLibrary() } : undefined}
        retryLabel="重新载入"
      />

      <div className={styles.filters}>
        <Field label="搜索提示语" className={styles.wide}>
          <Input
            type="search"
            value={filters.search}
            onChange={(_e, d) => setFilter("search", d.value)}
            placeholder="输入关键词，在全部提示语中查找"
          />
        </Field>
        <Field label="领域" className={styles.wide}>
          <Select value={filters.domain ?? ""} onChange={(_e, d) => chooseDomain((d.value || undefined) as Domain | undefined)}>
            <option value="">全部</option>
            {DOMAINS.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="类型">
          <Select value={filters.kind ?? ""} onChange={(_e, d) => setFilter("kind", (d.value || undefined) as PhraseKind | undefined)}>
            <option value="">全部</option>
            {PHRASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="主题">
          <Select value={filters.theme ?? ""} onChange={(_e, d) => setFilter("theme", (d.value || undefined) as Theme | undefined)}>
            <option value="">全部</option>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.checks}>
          <Checkbox label="只看收藏" checked={filters.favouritesOnly} onChange={(_e, d) => setFilter("favouritesOnly", d.checked === true)} />
          <Checkbox label="只看我的提示语" checked={filters.mineOnly} onChange={(_e, d) => setFilter("mineOnly", d.checked === true)} />
        </div>
      </div>

      <Caption1>
        {filters.search.trim() ? `搜索“${filters.search.trim()}”：` : ""}共 {phrases.length} 条。点击一条提示语，插入到光标处。
      </Caption1>
      <ul className={styles.list} aria-label="提示语">
        {visible.map((p) => {
          const fav = favourites.has(p.id);
          const own = isUserPhrase(p);
          return (
            <li key={p.id} className={styles.item}>
              <Button className={styles.phrase} appearance="secondary" onClick={() => void insert(p.text)}>
                <span>{p.text}</span>
              </Button>
              <div className={styles.meta}>
                <Caption1 className={styles.metaText}>{metaText(p)}</Caption1>
                <ToggleButton
                  size="small"
                  appearance="subtle"
                  checked={fav}
                  aria-label={fav ? "取消收藏" : "收藏"}
                  title={fav ? "取消收藏" : "收藏"}
                  onClick={() => toggleFavourite(p.id)}
                >
                  <span aria-hidden="true">{fav ? "★" : "☆"}</span>
                </ToggleButton>
                {own && (
                  <>
                    <Button size="small" appearance="subtle" onClick={() => setEditing(p)}>
                      编辑
                    </Button>
                    <Button size="small" appearance="subtle" onClick={() => setDeleting(p)}>
                      删除
                    </Button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {phrases.length === 0 && load.status !== "loading" && <Body1>{emptyText}</Body1>}
      {phrases.length > shown && (
        <Button appearance="subtle" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          显示更多（还有 {phrases.length - shown} 条）
        </Button>
      )}

      <section className={styles.mine} aria-labelledby={mineHeading}>
        <h2 id={mineHeading} className={styles.h2}>
          我的提示语（{mine.length} 条）
        </h2>
        <Caption1>自己常用的说法存在这台电脑上，也会出现在上面的提示语里。可以导出成文件，换电脑时再导入。</Caption1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => setEditing("new")}>
            添加提示语
          </Button>
          <Button onClick={() => fileInput.current?.click()}>导入</Button>
          <Button onClick={exportMine} disabled={mine.length === 0}>
            导出
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-label="选择要导入的提示语文件"
            hidden
            onChange={(e) => void importFile(e)}
          />
        </div>
      </section>

      {editing !== undefined && (
        <PhraseDialog editing={editing === "new" ? undefined : editing} onSave={onSaveForm} onCancel={() => setEditing(undefined)} />
      )}
      <ConfirmDelete open={deleting !== undefined} phrase={deleting ?? lastDeleting.current} onConfirm={onConfirmDelete} onCancel={() => setDeleting(undefined)} />
    </div>
  );
}
