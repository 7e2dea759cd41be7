// Auth.js configuration: email and password always; GitHub and Google when their keys are set.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "../env.ts";
import { userForOAuthAccount } from "../db/users.ts";
import { checkCredentials } from "./credentials.ts";
import { clientAddress } from "./client-address.ts";

class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

function providers(): NextAuthConfig["providers"] {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(credentials, clientAddress(request.headers), new Date());
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "rateLimited") throw new TooManyAttempts();
        return null;
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
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

export function enabledOAuthProviders(): Array<{ id: "github" | "google"; name: string }> {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  const enabled: Array<{ id: "github" | "google"; name: string }> = [];
  if (AUTH_GITHUB_ID && AUTH_GITHUB_SECRET) enabled.push({ id: "github", name: "GitHub" });
  if (AUTH_GOOGLE_ID && AUTH_GOOGLE_SECRET) enabled.push({ id: "google", name: "Google" });
  return enabled;
}
