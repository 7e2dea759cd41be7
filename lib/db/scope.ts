import type { SessionUser } from "./users.ts";

/** Scope value of the starter decks every learner can study. */
export const STARTER_SCOPE = "starter";

/** The scopes whose decks and cards a user may read: their own library and the starter decks. */
export function readableScopes(user: Pick<SessionUser, "id">): string[] {
  return [user.id, STARTER_SCOPE];
}
