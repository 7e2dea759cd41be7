// A small review day and a fake server that speaks lib/contracts/review-sync, for the device tests.
import {
  SyncRequestSchema,
  ReviewEventSchema,
  type CardStanding,
  type DayCard,
  type ReviewDay,
  type ReviewEvent,
  type SyncResult,
} from "@/lib/contracts/review-sync.ts";
import { gradeCard, DEFAULT_SETTINGS, type SchedulingState } from "@/lib/srs/index.ts";
import { fromWire, toWire } from "@/lib/offline-review/index.ts";

export const NOW = new Date("2026-03-10T09:00:00Z");

export function dayCard(n: number, overrides: Partial<DayCard> = {}): DayCard {
  return {
    cardId: `card-${n}`,
    deckId: "deck-1",
    deckPath: "IAM",
    noteKey: `note-${n}`,
    kind: "basic",
    frontHtml: `<p>Question ${n}</p>`,
    backHtml: `<p>Answer ${n}</p>`,
    position: n,
    schedule: null,
    buriedUntil: null,
    suspended: false,
    ...overrides,
  };
}

export function reviewDay(cards: DayCard[], generatedAt = NOW): ReviewDay {
  return { generatedAt: generatedAt.toISOString(), deckId: null, timeZone: "UTC", settings: {}, cards, todayLogs: [] };
}

/** Replays grades per card in time order (undo removes its target), as the real server does. */
export class FakeServer {
  readonly stored: ReviewEvent[] = [];
  requests = 0;
  offline = false;
  constructor(
    public day: ReviewDay,
    private readonly forbidden = new Set<string>(),
  ) {}

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (this.offline) throw new TypeError("Failed to fetch");
    this.requests++;
    if (input.startsWith("/api/review/day")) return Response.json(this.currentDay());
    if (input === "/api/review/sync") return Response.json(this.sync(JSON.parse(String(init?.body))));
    return new Response("not found", { status: 404 });
  };

  private sync(body: unknown): SyncResult {
    const { events } = SyncRequestSchema.parse(body);
    const accepted: string[] = [];
    const refused: SyncResult["refused"] = [];
    const touched = new Set<string>();
    events.forEach((raw, index) => {
      const parsed = ReviewEventSchema.safeParse(raw);
      if (!parsed.success) return refused.push({ id: null, index, code: "invalid", message: `events[${index}] is not an event` });
      const event = parsed.data;
      if (this.forbidden.has(event.cardId)) {
        return refused.push({ id: event.id, index, code: "not_found", message: `events[${index}].cardId: no such card` });
      }
      if (!this.stored.some((e) => e.id === event.id)) this.stored.push(event);
      accepted.push(event.id);
      touched.add(event.cardId);
    });
    return { accepted, refused, cards: [...touched].map((id) => this.standing(id)), syncedAt: NOW.toISOString() };
  }

  standing(cardId: string): CardStanding {
    const undone = new Set(this.stored.flatMap((e) => (e.kind === "undo" ? [e.undoes] : [])));
    const events = this.stored.filter((e) => e.cardId === cardId && !undone.has(e.id)).sort((a, b) => a.at.localeCompare(b.at));
    const original = this.day.cards.find((c) => c.cardId === cardId);
    let schedule: SchedulingState | null = original?.schedule ? fromWire(original.schedule) : null;
    let suspended = false;
    for (const e of events) {
      if (e.kind === "grade") schedule = gradeCard(schedule, e.rating, new Date(e.at), DEFAULT_SETTINGS, cardId).next;
      if (e.kind === "suspend") suspended = true;
    }
    return { cardId, schedule: schedule ? toWire(schedule) : null, buriedUntil: null, suspended };
  }

  private currentDay(): ReviewDay {
    return { ...this.day, cards: this.day.cards.map((c) => ({ ...c, ...this.standing(c.cardId) })) };
  }
}
