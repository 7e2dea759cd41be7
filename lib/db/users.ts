import "server-only";
import { DomainError } from "../errors/index.ts";
import { prisma } from "./client.ts";
import { startJobWorkersInServer } from "./job-workers.ts";
import { isUniqueViolation } from "./unique-violation.ts";

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
  startJobWorkersInServer();
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

export class EmailTakenError extends DomainError<"EMAIL_TAKEN"> {
  constructor(email: string) {
    super("EMAIL_TAKEN", `An account with ${email} already exists.`);
  }
}

/**
 * Creates an account. The first account of an installation becomes its admin. That rests on the
 * unique `User.firstAdmin` seat, not on the engine running writes one at a time: when two first
 * sign-ups race, both see no users and both ask for the seat, the index lets one row have it, and
 * the other account is created again as a learner.
 */
export async function createUser(input: {
  email: string;
  name: string | null;
  passwordHash: string | null;
  timeZone?: string;
}): Promise<SessionUser> {
  const create = async (asFirstAdmin: boolean): Promise<SessionUser> => {
    const user = await prisma.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash: input.passwordHash,
        role: asFirstAdmin ? "admin" : "learner",
        firstAdmin: asFirstAdmin ? true : null,
        timeZone: input.timeZone ?? "UTC",
      },
      select: sessionUserSelect,
    });
    return { ...user, role: user.role as Role };
  };
  const asFirstAdmin = (await prisma.user.count()) === 0;
  try {
    return await create(asFirstAdmin);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two indexes can refuse the row: the email's, or the admin seat another sign-up just took.
    if (asFirstAdmin && !(await emailIsTaken(input.email))) {
      try {
        return await create(false);
      } catch (retryError) {
        if (!isUniqueViolation(retryError)) throw retryError;
      }
    }
    throw new EmailTakenError(input.email);
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
  if (await emailIsTaken(input.email)) throw new EmailTakenError(input.email);
  const user = await createUser({ email: input.email, name: input.name, passwordHash: null });
  await prisma.account.create({
    data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, type: input.type },
  });
  return user;
}
