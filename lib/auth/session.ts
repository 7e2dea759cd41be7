import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { findSessionUser, type Role, type SessionUser } from "../db/index.ts";
import { auth } from "./config.ts";

/**
 * The signed-in user, read from the database once per request (so a role change or a deleted
 * account takes effect at once, whatever the session cookie still says).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findSessionUser(id) : null;
});

/** For pages and actions that need a user: sends visitors to sign in and back. */
export async function requireUser(returnTo = "/decks"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireRole(roles: Role[], returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  // Pages that are not for this role answer as if they did not exist.
  if (!roles.includes(user.role)) notFound();
  return user;
}
