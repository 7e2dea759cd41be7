// What the review screen sends to POST /api/review. The route validates with this schema and the
// screen builds its bodies from the same type, so the two cannot drift apart.
import { z } from "zod";

const id = z.string().min(1).max(64);
const deckId = id.nullable().optional();

export const ReviewActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("grade"),
    deckId,
    cardId: id,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    version: z.number().int().min(0),
    clientReviewId: z.string().min(8).max(64),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 60 * 1000),
  }),
  z.object({ type: z.literal("undo"), deckId, reviewLogId: id }),
  z.object({ type: z.enum(["bury", "suspend"]), deckId, cardId: id, version: z.number().int().min(0) }),
  z.object({ type: z.literal("next"), deckId }),
]);

export type ReviewAction = z.input<typeof ReviewActionSchema>;
