// What the deck screens accept: a deck's new name, the deck to delete, and the card list's search.
import { z } from "zod";
import { DECK_SEPARATOR } from "../notes/index.ts";

const deckId = z.string().min(1).max(64);

export const RenameDeckSchema = z.object({
  deckId,
  name: z
    .string()
    .trim()
    .min(1, { error: "A deck needs a name." })
    .max(120, { error: "At most 120 characters." })
    .refine((name) => !name.includes(DECK_SEPARATOR.trim()), {
      error: `A name cannot hold “${DECK_SEPARATOR.trim()}”: it separates decks.`,
    }),
});

export const DeleteDeckSchema = z.object({ deckId });

/** The card list's GET parameters; anything unreadable falls back to the first page of every card. */
export const CardSearchSchema = z.object({
  q: z.string().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type RenameDeckField = keyof z.input<typeof RenameDeckSchema>;
