import "server-only";
import type { CsvReview } from "../srs/index.ts";
import { prisma } from "./client.ts";
import type { SessionUser } from "./users.ts";

const PAGE = 5000;

/**
 * The learner's review log, oldest first, a page at a time: a long history streams out without
 * being held in memory whole. card_id is the card's database id, stable for the card's lifetime.
 */
export async function* reviewLogPages(user: SessionUser): AsyncGenerator<CsvReview[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.reviewLog.findMany({
      where: { userId: user.id },
      orderBy: [{ review: "asc" }, { id: "asc" }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, cardId: true, review: true, rating: true, state: true, durationMs: true },
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    cursor = page[page.length - 1]!.id;
  }
}
