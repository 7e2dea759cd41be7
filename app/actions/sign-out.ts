"use server";
import { signOut } from "@/lib/auth/index.ts";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
