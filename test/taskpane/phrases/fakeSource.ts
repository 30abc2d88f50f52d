/** A small library and a plain keyword ranker, standing in for the real ones in the tab's tests. */
import type { PhraseEntry, Theme } from "../../../src/core/phrases/types";
import type { LoadedPhrases, PhraseQuery, PhraseSource, Suggestion } from "../../../src/taskpane/phrases/source";

export const LIBRARY: PhraseEntry[] = [
  { id: "p1-0001", text: "今天召开这次会议，主要任务是总结工作、部署任务。", kind: "开头", themes: ["开场"] },
  { id: "p1-0002", text: "转变工作作风，提升机关效能", kind: "标题", themes: ["作风"], level: 2 },
  { id: "p1-0003", text: "要少开会、开短会，把更多时间用在抓落实上。", kind: "正文", themes: ["作风", "落实"] },
  { id: "p1-0004", text: "要把任务分解到岗、责任落实到人。", kind: "正文", themes: ["落实"], domains: ["教育", "通用/办公室"] },
  { id: "p1-0005", text: "一要讲实效，二要讲速度，三要讲质量。", kind: "排比", themes: ["落实"], domains: ["通用/办公室"] },
  { id: "p1-0006", text: "同志们，任务艰巨，责任重大。", kind: "结尾", themes: ["结尾"] },
  { id: "p1-0007", text: "下面，我再强调几点意见。", kind: "过渡", themes: ["过渡"] },
  { id: "p1-0008", text: "要严守廉洁纪律，管好身边人。", kind: "正文", themes: ["廉洁"] },
  { id: "p1-0009", text: "要清醒看到工作中存在的问题和不足。", kind: "正文", themes: ["问题"] },
  { id: "p1-0010", text: "强化督查问责，确保任务落地", kind: "标题", themes: ["落实"], level: 1 },
  { id: "p1-0011", text: "会风文风是作风的镜子。", kind: "正文", themes: ["作风"] },
];

/** Words in a heading that point to a theme. */
const KEYWORDS: Partial<Record<Theme, string[]>> = {
  作风: ["作风", "会议", "文件"],
  落实: ["落实", "督查", "问责"],
  问题: ["问题"],
  廉洁: ["廉洁"],
};

export function fakeSuggest(entries: PhraseEntry[], q: PhraseQuery, limit = 10): Suggestion[] {
  if (!q.heading) return entries.filter((e) => e.kind === "开头" || e.kind === "结尾").map((entry) => ({ entry, score: 1 }));
  return entries
    .map((entry) => ({ entry, score: entry.themes.reduce((n, t) => n + (KEYWORDS[t] ?? []).filter((k) => q.heading.includes(k)).length, 0) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export function loadedFake(entries = LIBRARY): LoadedPhrases {
  return {
    entries,
    suggest: (q, limit) => fakeSuggest(entries, q, limit),
    withExtra: (extra) => (q, limit) => fakeSuggest([...entries, ...extra], q, limit),
  };
}

/** A source that answers at once (or as `answer` says), counting its loads. */
export function fakeSource(answer: () => Promise<LoadedPhrases> = () => Promise.resolve(loadedFake())): PhraseSource & { loads: number } {
  const s = {
    loads: 0,
    load() {
      s.loads++;
      return answer();
    },
  };
  return s;
}

/** A source whose load waits until `resolve` is called. */
export function deferredSource(): PhraseSource & { resolve(): void; reject(e: Error): void } {
  let resolve!: (l: LoadedPhrases) => void;
  let reject!: (e: Error) => void;
  const p = new Promise<LoadedPhrases>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { load: () => p, resolve: () => resolve(loadedFake()), reject: (e) => reject(e) };
}
