"use server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/index.ts";
import { raiseNewCardsToday } from "@/lib/db/index.ts";

/** The "Study N more today" button's fields: a deck (or "all") and how many more new cards. */
const StudyMoreSchema = z.object({
  deckId: z.union([z.literal("all"), z.string().min(1).max(64)]),
  extra: z.coerce.number().int().min(1).max(9999),
});

export async function studyMoreTodayAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = StudyMoreSchema.safeParse({ deckId: formData.get("deckId"), extra: formData.get("extra") });
  if (!parsed.success) notFound();
  const deckId = parsed.data.deckId === "all" ? null : parsed.data.deckId;
  const result = await raiseNewCardsToday(user, deckId, parsed.data.extra, new Date());
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) throw new Error(`the raise was refused: ${result.issues.map((i) => i.message).join("; ")}`);
  revalidatePath("/decks", "layout");
}
