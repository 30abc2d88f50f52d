/**
 * The 文稿类型 the whole pane works to: chosen in 检查, and the same choice decides the house format
 * of 一键排版 in 大纲. Held by the App (so it survives switching tabs), like the host and the store.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { resolveProfile, type Profile } from "../core/profiles";

export const PROFILE_OPTIONS = [
  { id: "speech", name: "讲话稿" },
  { id: "gongwen", name: "公文" },
] as const;
export type ProfileId = (typeof PROFILE_OPTIONS)[number]["id"];

export interface ProfileChoice {
  id: ProfileId;
  /** The Chinese name shown to the clerk (讲话稿, 公文). */
  name: string;
  /** The resolved profile (rules, severities, house format). */
  profile: Profile;
  setId(id: ProfileId): void;
}

export const ProfileContext = createContext<ProfileChoice | undefined>(undefined);

function useProfileState(initial: ProfileId): ProfileChoice {
  const [id, setId] = useState<ProfileId>(initial);
  return useMemo(
    () => ({ id, name: PROFILE_OPTIONS.find((p) => p.id === id)?.name ?? id, profile: resolveProfile(id), setId }),
    [id],
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
