// The environment, read once and validated. Defaults make the embedded setup (SQLite under data/)
// work with no configuration at all.
import { z } from "zod";
import { fieldIssues } from "./errors/index.ts";

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/iam-recall.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/i.test(url), {
      message:
        'DATABASE_URL must be a SQLite "file:" URL, e.g. file:./data/iam-recall.db, or a PostgreSQL one, e.g. postgresql://user:password@localhost:5432/iam_recall',
    }),
  AUTH_SECRET: optionalText,
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  /** Failed sign-ins allowed per client address, and per account, in any minute (lib/auth/sign-in-limits.ts). */
  SIGN_IN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Sign-ups allowed per client address in any minute. */
  SIGN_UPS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  /**
   * Set (to "1" or "true") only when a reverse proxy in front of the app overwrites or appends to
   * X-Forwarded-For and sets X-Forwarded-Proto; otherwise those headers come from the client and are
   * ignored, and the socket address is used.
   */
  TRUSTED_PROXY: z
    .enum(["", "0", "1", "false", "true"], { error: 'TRUSTED_PROXY must be "1"/"true" or "0"/"false" (or unset)' })
    .default("")
    .transform((value) => value === "1" || value === "true"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      const problems = fieldIssues(result.error)
        .map((issue) => issue.message)
        .join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = result.data;
  }
  return cached;
}
