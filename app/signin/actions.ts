"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInSchema, limitMessage, safeReturnPath, signInWithPassword } from "@/lib/auth/index.ts";

export interface SignInState {
  email: string;
  fieldErrors: { email?: string[]; password?: string[] };
  formError?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return { email, fieldErrors: z.flattenError(parsed.error).fieldErrors };

  const result = await signInWithPassword(parsed.data.email, parsed.data.password);
  if (result.status === "limited") return { email, fieldErrors: {}, formError: limitMessage(result) };
  if (result.status === "invalid") {
    return { email, fieldErrors: {}, formError: "That email and password do not match an account." };
  }
  redirect(safeReturnPath(formData.get("next")));
}
