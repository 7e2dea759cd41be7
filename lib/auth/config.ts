// Auth.js configuration: email and password always; GitHub and Google when their keys are set.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "../env.ts";
import { revokeSessions, sessionVersionOf, userForOAuthAccount } from "../db/index.ts";
import { checkCredentials } from "./credentials.ts";
import { clientAddress } from "./client-address.ts";
import { limitCode } from "./limit-code.ts";
import type { LimitRefusal } from "./sign-in-limits.ts";

class TooManyAttempts extends CredentialsSignin {
  constructor(refusal: LimitRefusal) {
    super();
    this.code = limitCode(refusal);
  }
}

function providers(): NextAuthConfig["providers"] {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(credentials, clientAddress(request.headers), new Date());
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "invalid") return null;
        throw new TooManyAttempts(outcome);
      },
    }),
  ];
  if (AUTH_GITHUB_ID && AUTH_GITHUB_SECRET) list.push(GitHub({ clientId: AUTH_GITHUB_ID, clientSecret: AUTH_GITHUB_SECRET }));
  if (AUTH_GOOGLE_ID && AUTH_GOOGLE_SECRET) list.push(Google({ clientId: AUTH_GOOGLE_ID, clientSecret: AUTH_GOOGLE_SECRET }));
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: providers(),
  // Credentials sign-in only works with JWT sessions; the user row is still read on every request.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  secret: env().AUTH_SECRET,
  pages: { signIn: "/signin" },
  events: {
    async signOut(message) {
      const id = "token" in message ? message.token?.sub : undefined;
      if (id) await revokeSessions(id);
    },
  },
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account && account.provider !== "credentials") {
        const email = (profile?.email ?? user?.email ?? "").toLowerCase();
        if (!email) return null;
        const linked = await userForOAuthAccount({
          email,
          name: user?.name ?? null,
          image: user?.image ?? null,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
        });
        token.sub = linked.id;
        token.sessionVersion = await sessionVersionOf(linked.id);
        return token;
      }
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = await sessionVersionOf(user.id);
        return token;
      }
      // Every later read of the session: a token from before the owner's last sign-out is dead.
      if (!token.sub) return null;
      const current = await sessionVersionOf(token.sub);
      if (current === null || current !== (token.sessionVersion ?? 0)) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

declare module "@auth/core/jwt" {
  interface JWT {
    /** User.sessionVersion when the token was issued. */
    sessionVersion?: number | null;
  }
}

export function enabledOAuthProviders(): Array<{ id: "github" | "google"; name: string }> {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  const enabled: Array<{ id: "github" | "google"; name: string }> = [];
  if (AUTH_GITHUB_ID && AUTH_GITHUB_SECRET) enabled.push({ id: "github", name: "GitHub" });
  if (AUTH_GOOGLE_ID && AUTH_GOOGLE_SECRET) enabled.push({ id: "google", name: "Google" });
  return enabled;
}
