import "server-only";
import { prisma } from "./client.ts";

export type Role = "learner" | "instructor" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  timeZone: string;
}

const sessionUserSelect = { id: true, email: true, name: true, role: true, timeZone: true } as const;

export async function findSessionUser(id: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: sessionUserSelect });
  return user ? { ...user, role: user.role as Role } : null;
}

/** The user's session version (see User.sessionVersion), or null when the account is gone. */
export async function sessionVersionOf(id: string): Promise<number | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: { sessionVersion: true } });
  return user ? user.sessionVersion : null;
}

/** Ends every session issued to the user so far. */
export async function revokeSessions(id: string): Promise<void> {
  await prisma.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}

export class EmailTakenError extends Error {
  readonly code = "EMAIL_TAKEN";
}

/**
 * Creates an account. The first account of an installation becomes its admin; the count and the
 * insert share one transaction so two first sign-ups cannot both become admin on SQLite, which
 * runs write transactions one at a time.
 */
export async function createUser(input: {
  email: string;
  name: string | null;
  passwordHash: string | null;
  timeZone?: string;
}): Promise<SessionUser> {
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.user.count();
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash: input.passwordHash,
          role: existing === 0 ? "admin" : "learner",
          timeZone: input.timeZone ?? "UTC",
        },
        select: sessionUserSelect,
      });
      return { ...user, role: user.role as Role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(`An account with ${input.email} already exists.`);
    throw error;
  }
}

export async function emailIsTaken(email: string): Promise<boolean> {
  return (await prisma.user.count({ where: { email } })) > 0;
}

/** Finds or creates the user behind a GitHub or Google sign-in, linking the provider account. */
export async function userForOAuthAccount(input: {
  email: string;
  name: string | null;
  image: string | null;
  provider: string;
  providerAccountId: string;
  type: string;
}): Promise<SessionUser> {
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: sessionUserSelect } },
  });
  if (linked) return { ...linked.user, role: linked.user.role as Role };
  // An account that already uses this email is not linked silently: whoever controls the provider
  // account would take over the password account (Auth.js refuses this by default too).
  if (await emailIsTaken(input.email)) throw new EmailTakenError(`An account with ${input.email} already exists.`);
  const user = await createUser({ email: input.email, name: input.name, passwordHash: null });
  await prisma.account.create({
    data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, type: input.type },
  });
  return user;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
