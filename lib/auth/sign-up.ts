import { z } from "zod";
import { isValidTimeZone } from "../srs/index.ts";
import { emailField } from "./email.ts";

export const MIN_PASSWORD_LENGTH = 10;

export const SignUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(80, { error: "Keep your name under 80 characters." })
    .optional()
    .transform((v) => v || null),
  email: emailField("Enter a valid email address, like you@example.com."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(200, { error: "Use at most 200 characters." }),
  timeZone: z
    .string()
    .optional()
    .transform((zone) => (zone && isValidTimeZone(zone) ? zone : "UTC")),
});
