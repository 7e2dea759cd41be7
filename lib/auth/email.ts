import { z } from "zod";

/** RFC 5321 caps a forward path at 256 octets, brackets included: 254 characters of address. */
export const MAX_EMAIL_LENGTH = 254;

export function emailField(invalidMessage: string) {
  return z
    .string()
    .trim()
    .max(MAX_EMAIL_LENGTH, { error: `An email address has at most ${MAX_EMAIL_LENGTH} characters.` })
    .toLowerCase()
    .pipe(z.email({ error: invalidMessage }));
}
