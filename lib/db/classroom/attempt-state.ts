import "server-only";
import type { AttemptState } from "../../classroom/index.ts";

/**
 * The columns an attempt's rules are decided on, read inside the transaction that writes, so that a
 * close, an unpublish or a removal committed before the write is the one that counts.
 */
export const attemptStateSelect = (learnerId: string) => ({
  submittedAt: true,
  deadline: true,
  quiz: {
    select: {
      published: true,
      closesAt: true,
      classroom: { select: { members: { where: { userId: learnerId }, select: { id: true } } } },
    },
  },
});

interface AttemptStateRow {
  submittedAt: Date | null;
  deadline: Date | null;
  quiz: { published: boolean; closesAt: Date | null; classroom: { members: Array<{ id: string }> } };
}

export function attemptState(row: AttemptStateRow): AttemptState {
  return {
    member: row.quiz.classroom.members.length > 0,
    published: row.quiz.published,
    submittedAt: row.submittedAt,
    deadline: row.deadline,
    closesAt: row.quiz.closesAt,
  };
}
