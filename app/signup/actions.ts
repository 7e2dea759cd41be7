"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  SignUpSchema,
  clientAddress,
  hashPassword,
  limitMessage,
  reserveSignUp,
  safeReturnPath,
  signInWithPassword,
} from "@/lib/auth/index.ts";
import { createUser, EmailTakenError } from "@/lib/db/index.ts";

export interface SignUpState {
  values: { name: string; email: string };
  fieldErrors: { name?: string[]; email?: string[]; password?: string[] };
  formError?: string;
}

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const values = { name: text(formData.get("name")), email: text(formData.get("email")) };
  const parsed = SignUpSchema.safeParse({
    name: values.name,
    email: values.email,
    password: text(formData.get("password")),
    timeZone: text(formData.get("timeZone")) || undefined,
  });
  if (!parsed.success) return { values, fieldErrors: z.flattenError(parsed.error).fieldErrors };

  const { email, name, password, timeZone } = parsed.data;
  // Counted before the costly hash, like a sign-in, so a burst cannot get past the limit.
  const allowed = await reserveSignUp(clientAddress(await headers()), new Date());
  if (!allowed.ok) return { values, fieldErrors: {}, formError: limitMessage(allowed) };
  try {
    await createUser({ email, name, passwordHash: await hashPassword(password), timeZone });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { values, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } };
    }
    throw error;
  }
  const signedIn = await signInWithPassword(email, password);
  if (signedIn.status !== "ok") redirect("/signin");
  redirect(safeReturnPath(formData.get("next")));
}
