// The only door to Auth.js: pages, actions and route handlers import from here.
export { handlers, signIn, signOut, enabledOAuthProviders } from "./config.ts";
export { currentUser, requireUser, requireRole } from "./session.ts";
export { hashPassword } from "./password.ts";
export { SignInSchema } from "./credentials.ts";
export { clientAddress } from "./client-address.ts";
export { signInWithPassword, type PasswordSignInResult } from "./sign-in.ts";
export { safeReturnPath } from "./return-to.ts";
export { SignUpSchema, MIN_PASSWORD_LENGTH } from "./sign-up.ts";
export { reserveSignUp, limitMessage, type LimitRefusal } from "./sign-in-limits.ts";
export { MAX_EMAIL_LENGTH } from "./email.ts";
