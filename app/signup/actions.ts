"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignUpSchema, hashPassword, safeReturnPath, signInWithPassword } from "@/lib/auth/index.ts";
import { createUser, EmailTakenError } from "@/lib/db/users.ts";

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
  try {
    await createUser({ email, name, passwordHash: await hashPassword(password), timeZone });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { values, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } };
    }
    throw error;
  }
  const signedIn = await signInWithPassword(email, password);
  if (signedIn !== "ok") redirect("/signin");
  redirect(safeReturnPath(formData.get("next")));
}
