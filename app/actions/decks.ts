"use server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/index.ts";
import { DeleteDeckSchema, RenameDeckSchema } from "@/lib/contracts/index.ts";
import { deleteOwnDeck, renameOwnDeck } from "@/lib/db/index.ts";
import { isDomainError } from "@/lib/errors/index.ts";

export interface RenameDeckState {
  fieldErrors: { name?: string[] };
  formError?: string;
  /** What was typed, kept after a refusal. */
  typed?: string;
  /** The new path, once saved. */
  savedPath?: string;
  savedAt?: number;
}

export async function renameDeckAction(_previous: RenameDeckState, formData: FormData): Promise<RenameDeckState> {
  const user = await requireUser();
  const parsed = RenameDeckSchema.safeParse({ deckId: formData.get("deckId"), name: formData.get("name") });
  const typed = String(formData.get("name") ?? "").slice(0, 200);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, typed };
  try {
    const { path } = await renameOwnDeck(user, parsed.data.deckId, parsed.data.name);
    revalidatePath("/decks");
    revalidatePath(`/decks/${parsed.data.deckId}`);
    return { fieldErrors: {}, savedPath: path, savedAt: Date.now() };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code === "deck_exists"
      ? { fieldErrors: { name: [error.message] }, typed }
      : { fieldErrors: {}, formError: error.message, typed };
  }
}

export async function deleteDeckAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = DeleteDeckSchema.safeParse({ deckId: formData.get("deckId") });
  if (!parsed.success) notFound();
  let path: string;
  try {
    ({ path } = await deleteOwnDeck(user, parsed.data.deckId));
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
  revalidatePath("/decks");
  redirect(`/decks?deleted=${encodeURIComponent(path)}`);
}
