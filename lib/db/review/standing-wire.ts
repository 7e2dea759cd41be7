// A card's standing as the protocol sends it (lib/contracts/review-sync.ts): dates as ISO strings.
import type { CardStanding, WireSchedulingState } from "../../contracts/index.ts";
import type { ReplayStanding, SchedulingState } from "../../srs/index.ts";

export function wireSchedule(schedule: SchedulingState): WireSchedulingState {
  return { ...schedule, due: schedule.due.toISOString(), lastReview: schedule.lastReview?.toISOString() ?? null };
}

export function wireStanding(cardId: string, standing: ReplayStanding): CardStanding {
  return {
    cardId,
    schedule: standing.schedule ? wireSchedule(standing.schedule) : null,
    buriedUntil: standing.buriedUntil?.toISOString() ?? null,
    suspended: standing.suspended,
  };
}
