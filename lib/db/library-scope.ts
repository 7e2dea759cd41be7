// A deck's or card's `scope` column names the library it belongs to: a learner's own (their user
// id) or the starter decks every learner studies. Not the heading scope of lib/notes, which is where
// a block sits inside a note.
import type { SessionUser } from "./users.ts";

/** Scope value of the starter decks every learner can study. */
export const STARTER_SCOPE = "starter";

/** The scopes whose decks and cards a user may read: their own library and the starter decks. */
export function readableScopes(user: Pick<SessionUser, "id">): string[] {
  return [user.id, STARTER_SCOPE];
}
