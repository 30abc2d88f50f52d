/**
 * The 文稿类型 the whole pane works to: chosen in 检查, and the same choice decides the house format
 * of 一键排版 in 大纲. Held by the App (so it survives switching tabs), like the host and the store.
 * With a 单位样式 imported (unitStyle.ts), the profile is the chosen type with the unit's config
 * applied: rules and severities, format (roles, page, 页码) and the unit's words.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { Profile } from "../core/profiles";
import { useStore } from "./phrases/store";
import { loadUnitStyle, saveUnitStyle, unitProfile, unitProfileId, type UnitStyle } from "./unitStyle";

export const PROFILE_OPTIONS = [
  { id: "speech", name: "讲话稿" },
  { id: "gongwen", name: "公文" },
] as const;
export type ProfileId = (typeof PROFILE_OPTIONS)[number]["id"];
const PROFILE_IDS: readonly ProfileId[] = PROFILE_OPTIONS.map((p) => p.id);

export interface ProfileChoice {
  id: ProfileId;
  /** The Chinese name shown to the clerk (讲话稿, 公文). */
  name: string;
  /** The resolved profile (rules, severities, house format), with the unit style applied. */
  profile: Profile;
  /** The clerk's own choice (the 文稿类型 list); from then on the pane never guesses. */
  setId(id: ProfileId): void;
  /**
   * True once the 文稿类型 was chosen, by the clerk or by a 单位样式 naming one; until then 检查 reads
   * it from the draft (core/profileGuess.ts) through `suggest`.
   */
  chosen: boolean;
  /** Why the pane took the 文稿类型 it reads from the draft (「文中有发文字号」), while not chosen. */
  guessedBecause?: string;
  /** Takes a 文稿类型 read from the draft, unless one was chosen; the profile to check with. */
  suggest(id: ProfileId, reason: string | undefined): Profile;
  /** The imported 单位样式, if any. */
  unit?: UnitStyle;
  /** Why a stored 单位样式 is not used (damaged, or refused by this version). */
  unitProblem?: string;
  /**
   * Uses (and keeps in the pane's store) a 单位样式, or removes it (undefined). A config that names a
   * 文稿类型 switches the pane to it. False when the store refused to keep it: it is then used until
   * the pane closes.
   */
  setUnit(unit: UnitStyle | undefined): boolean;
}

export const ProfileContext = createContext<ProfileChoice | undefined>(undefined);

function useProfileState(initial: ProfileId): ProfileChoice {
  const store = useStore();
  const [stored] = useState(() => loadUnitStyle(store));
  const [unit, setUnitState] = useState<UnitStyle | undefined>(stored.unit);
  const [unitProblem, setUnitProblem] = useState<string | undefined>(stored.problem);
  // A stored style that names a 文稿类型 is where the pane starts.
  const [id, setIdState] = useState<ProfileId>(() => unitProfileId(stored.unit, PROFILE_IDS) ?? initial);
  const [chosen, setChosen] = useState<boolean>(() => unitProfileId(stored.unit, PROFILE_IDS) !== undefined);
  const [guessedBecause, setGuessedBecause] = useState<string | undefined>(undefined);
  const setId = useCallback((next: ProfileId) => {
    setIdState(next);
    setChosen(true);
    setGuessedBecause(undefined);
  }, []);
  const suggest = useCallback(
    (next: ProfileId, reason: string | undefined): Profile => {
      if (chosen) return unitProfile(id, unit);
      setIdState(next);
      setGuessedBecause(reason);
      return unitProfile(next, unit);
    },
    [chosen, id, unit],
  );
  const setUnit = useCallback(
    (next: UnitStyle | undefined): boolean => {
      const kept = saveUnitStyle(store, next);
      setUnitState(next);
      setUnitProblem(undefined);
      const wanted = unitProfileId(next, PROFILE_IDS);
      if (wanted) setId(wanted);
      return kept;
    },
    [store, setId],
  );
  return useMemo(
    () => ({
      id,
      name: PROFILE_OPTIONS.find((p) => p.id === id)?.name ?? id,
      profile: unitProfile(id, unit),
      setId,
      chosen,
      guessedBecause,
      suggest,
      unit,
      unitProblem,
      setUnit,
    }),
    [id, unit, unitProblem, setUnit, setId, chosen, guessedBecause, suggest],
  );
}

export function ProfileProvider({ initial = "speech", children }: { initial?: ProfileId; children: ReactNode }) {
  const choice = useProfileState(initial);
  return <ProfileContext.Provider value={choice}>{children}</ProfileContext.Provider>;
}

/**
 * The pane's choice; a tab rendered on its own (without the App) keeps a choice of its own, so it
 * still works, just not shared.
 */
export function useProfile(): ProfileChoice {
  const given = useContext(ProfileContext);
  const own = useProfileState("speech");
  return given ?? own;
}
