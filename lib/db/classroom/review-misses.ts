import "server-only";
import { DECK_SEPARATOR } from "../../notes/index.ts";
import { newSchedulingState } from "../../srs/index.ts";
import type { PaperQuestion } from "../../classroom/index.ts";
import type { prisma } from "../client.ts";
import { readableScopes } from "../library-scope.ts";
import type { SessionUser } from "../users.ts";
import type { ScenarioCardRef } from "../../scenarios/index.ts";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

export interface MissContext {
  learner: SessionUser;
  attemptId: string;
  className: string;
  quizTitle: string;
  now: Date;
}

/** The learner's own deck for what they missed in a class's quizzes. */
async function quizDeck(tx: Tx, ctx: MissContext): Promise<string> {
  const path = ["Quizzes", ctx.className].join(DECK_SEPARATOR);
  const deck = await tx.deck.upsert({
    where: { scope_path: { scope: ctx.learner.id, path } },
    create: { ownerId: ctx.learner.id, scope: ctx.learner.id, path, name: ctx.className },
    update: {},
    select: { id: true },
  });
  return deck.id;
}

/** Makes the card due now for the learner: a studied card moves its due time; an unstudied one gets a fresh state due now. */
async function dueNow(tx: Tx, learnerId: string, cardId: string, now: Date): Promise<void> {
  const row = await tx.cardState.findUnique({
    where: { userId_cardId: { userId: learnerId, cardId } },
    select: { id: true, version: true },
  });
  if (row)
    await tx.cardState.update({ where: { id: row.id }, data: { due: now, buriedUntil: null, suspended: false, version: row.version + 1 } });
  else await tx.cardState.create({ data: { ...newSchedulingState(now), userId: learnerId, cardId, version: 1 } });
}

/** A card of the learner's own, made from a missed question, keyed so a second miss reuses it. */
async function ownCard(tx: Tx, ctx: MissContext, key: string, kind: string, front: string, back: string, line: number): Promise<string> {
  const deckId = await quizDeck(tx, ctx);
  const card = await tx.card.upsert({
    where: { scope_key: { scope: ctx.learner.id, key } },
    create: {
      deckId,
      scope: ctx.learner.id,
      key,
      kind,
      front,
      back,
      tags: ["quiz"],
      noteKey: key,
      sourceFile: `Quiz: ${ctx.quizTitle}`,
      sourceLine: line,
    },
    update: { front, back, suspended: false },
    select: { id: true },
  });
  return card.id;
}

/**
 * Puts the questions a learner missed into their review queue, in the submit's transaction.
 * A card question: the card itself, due now (copied into the learner's library first when it comes
 * from a deck they cannot read, such as the instructor's own). A scenario question: a scenario card
 * holding the learner's own variant, reduced to that question, in the learner's library.
 */
export async function sendMissesToReview(
  tx: Tx,
  ctx: MissContext,
  missed: readonly { question: PaperQuestion; line: number }[],
): Promise<number> {
  const scopes = readableScopes(ctx.learner);
  let added = 0;
  for (const { question, line } of missed) {
    if (question.kind === "scenario" && question.reviewSource) {
      // Scenario cards keep the scenario itself and which question they ask (see lib/scenarios/drafts.ts):
      // the answer is computed again each time the card is shown.
      const ref = JSON.stringify({ question: 0 } satisfies ScenarioCardRef);
      const cardId = await ownCard(
        tx,
        ctx,
        `quiz-scenario:${ctx.attemptId}:${question.questionId}`,
        "scenario",
        question.reviewSource,
        ref,
        line,
      );
      await dueNow(tx, ctx.learner.id, cardId, ctx.now);
      added++;
      continue;
    }
    if (!question.cardId) continue;
    const card = await tx.card.findUnique({
      where: { id: question.cardId },
      select: { id: true, scope: true, kind: true, front: true, back: true },
    });
    if (!card) continue;
    const cardId = scopes.includes(card.scope)
      ? card.id
      : await ownCard(tx, ctx, `quiz-card:${card.id}`, card.kind, card.front, card.back, line);
    await dueNow(tx, ctx.learner.id, cardId, ctx.now);
    added++;
  }
  return added;
}
