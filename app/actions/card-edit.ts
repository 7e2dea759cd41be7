"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/index.ts";
import { updateOwnCard } from "@/lib/db/index.ts";

const EditSchema = z.object({
  cardId: z.string().min(1).max(64),
  front: z.string().trim().min(1, { error: "The front cannot be empty." }).max(20_000),
  back: z.string().max(100_000),
});

export interface EditCardState {
  fieldErrors: { front?: string[]; back?: string[] };
  formError?: string;
}

export async function editCardAction(_previous: EditCardState, formData: FormData): Promise<EditCardState> {
  const user = await requireUser();
  const parsed = EditSchema.safeParse({ cardId: formData.get("cardId"), front: formData.get("front"), back: formData.get("back") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const saved = await updateOwnCard(user, parsed.data.cardId, { front: parsed.data.front, back: parsed.data.back });
  if (!saved) return { fieldErrors: {}, formError: "This card cannot be edited: it is not in your own library." };
  revalidatePath(`/cards/${parsed.data.cardId}`);
  // The card page says it was saved: "?saved=1" is only a note to show, not a state.
  redirect(`/cards/${parsed.data.cardId}?saved=1`);
}
