// The device session against IndexedDB (fake-indexeddb) and a fake server: grades work offline,
// survive a reopen, undo withdraws or sends an undo event, sync sends each event once in batches,
// and a refused event is kept with its reason.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { MAX_SYNC_BATCH } from "@/lib/contracts/review-sync.ts";
import { ReviewDevice, toWire } from "@/lib/offline-review/index.ts";
import { DEFAULT_SETTINGS, gradeCard } from "@/lib/srs/index.ts";
import { dayCard, FakeServer, NOW, reviewDay } from "./fixtures.ts";

let users = 0;
const nextUser = () => `user${++users}`;
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function openOnline(server: FakeServer, userId: string) {
  const device = await ReviewDevice.open(userId, null, server.fetch);
  await device.syncAndRefresh(NOW);
  return device;
}

describe("review on the device", () => {
  it("grades offline, keeps the grades across a reopen, and syncs each once", async () => {
    const server = new FakeServer(reviewDay([1, 2, 3, 4].map((n) => dayCard(n))));
    const user = nextUser();
    const device = await openOnline(server, user);
    expect(device.view(NOW).card?.cardId).toBe("card-1");
    server.offline = true;
    await device.grade("card-1", 3, 1200, later(1000));
    await device.grade("card-2", 1, 800, later(2000));
    expect(device.view(later(3000)).card?.cardId).toBe("card-3");
    await device.syncAndRefresh(later(3000));
    expect(device.view(later(3000)).network).toBe("offline");
    expect(device.view(later(3000)).pendingCount).toBe(2);
    device.close();

    const reopened = await ReviewDevice.open(user, null, server.fetch);
    const view = reopened.view(later(4000));
    expect(view.pendingCount).toBe(2);
    expect(view.card?.cardId).toBe("card-3");
    expect(view.counts.new).toBe(2);

    server.offline = false;
    await reopened.syncAndRefresh(later(5000));
    await reopened.syncAndRefresh(later(6000));
    expect(server.stored.map((e) => e.cardId)).toEqual(["card-1", "card-2"]);
    const after = reopened.view(later(6000));
    expect(after.pendingCount).toBe(0);
    expect(after.lastSyncAt).toBe(NOW.toISOString());
    // The refreshed day carries the server's standings: card-1 graded Good is learning now.
    expect(after.counts).toEqual({ learning: 2, review: 0, new: 2 });
    reopened.close();
  });

  it("undo withdraws a pending action, and takes back a synced one with an undo event", async () => {
    const server = new FakeServer(reviewDay([1, 2, 3].map((n) => dayCard(n))));
    const device = await openOnline(server, nextUser());
    server.offline = true;
    await device.suspend("card-1", later(1000));
    expect(device.view(later(1000)).card?.cardId).toBe("card-2");
    await device.undo(later(2000));
    expect(device.view(later(2000)).card?.cardId).toBe("card-1");
    expect(device.view(later(2000)).pendingCount).toBe(0);

    await device.grade("card-1", 4, 500, later(3000));
    server.offline = false;
    await device.syncAndRefresh(later(4000));
    expect(server.stored.map((e) => e.kind)).toEqual(["grade"]);
    expect(device.view(later(4000)).card?.cardId).toBe("card-2");
    await device.undo(later(5000));
    expect(device.view(later(5000)).card?.cardId).toBe("card-1");
    await device.syncAndRefresh(later(6000));
    expect(server.stored.map((e) => e.kind)).toEqual(["grade", "undo"]);
    expect(server.stored[1]).toMatchObject({ kind: "undo", undoes: server.stored[0]!.id });
    expect(device.view(later(6000)).card?.cardId).toBe("card-1");
    expect(server.standing("card-1").schedule).toBeNull();
    device.close();
  });

  it("keeps a refused event with the server's reason instead of dropping it", async () => {
    const server = new FakeServer(reviewDay([1, 2].map((n) => dayCard(n))), new Set(["card-1"]));
    const device = await openOnline(server, nextUser());
    await device.grade("card-1", 3, 500, later(1000));
    await device.grade("card-2", 3, 500, later(2000));
    await device.syncAndRefresh(later(3000));
    const view = device.view(later(3000));
    expect(view.pendingCount).toBe(0);
    expect(view.refused).toHaveLength(1);
    expect(view.refused[0]).toMatchObject({ code: "not_found", message: "events[0].cardId: no such card" });
    expect(view.refused[0]!.event.cardId).toBe("card-1");
    await device.dismissRefused();
    expect(device.view(later(3000)).refused).toHaveLength(0);
    device.close();
  });

  it(`sends a long outbox in batches of at most ${MAX_SYNC_BATCH}`, async () => {
    const cards = Array.from({ length: 3 }, (_, i) => dayCard(i + 1));
    const server = new FakeServer(reviewDay(cards));
    const device = await openOnline(server, nextUser());
    server.offline = true;
    const total = MAX_SYNC_BATCH + 20;
    for (let i = 0; i < total; i++) void device.bury(`card-${(i % 3) + 1}`, later(i));
    await device.undo(later(total)); // waits for every write, then withdraws the last
    const sizes: number[] = [];
    const counting = async (input: string, init?: RequestInit) => {
      if (input === "/api/review/sync") sizes.push((JSON.parse(String(init?.body)) as { events: unknown[] }).events.length);
      return server.fetch(input, init);
    };
    server.offline = false;
    const again = await ReviewDevice.open(device.userId, null, counting);
    await again.syncAndRefresh(later(total + 1));
    expect(sizes).toEqual([MAX_SYNC_BATCH, total - 1 - MAX_SYNC_BATCH]);
    expect(new Set(server.stored.map((e) => e.id)).size).toBe(total - 1);
    device.close();
    again.close();
  });
});

describe("review ahead at the end of the day", () => {
  // A card in review, due `hours` from NOW (UTC day rolls over at 4 a.m.; NOW is 09:00 on March 10).
  const dueIn = (n: number, hours: number) => {
    const learned = gradeCard(null, 4, new Date(NOW.getTime() - 20 * 86_400_000), DEFAULT_SETTINGS, `card-${n}`).next;
    return dayCard(n, { position: null, schedule: toWire({ ...learned, state: 2, due: new Date(NOW.getTime() + hours * 3_600_000) }) });
  };

  it("offers the cards due by tomorrow's end once today's are done, soonest first, and grades them", async () => {
    // Due tomorrow at 10:00 and 20:00, the day after tomorrow at 10:00 (outside), and a new card
    // kept out of today by a new-card limit of 0.
    const day = { ...reviewDay([dueIn(1, 25), dueIn(2, 35), dueIn(3, 49), dayCard(4)]), settings: { ...DEFAULT_SETTINGS, newPerDay: 0 } };
    const server = new FakeServer(day);
    const device = await openOnline(server, nextUser());
    const done = device.view(NOW);
    expect(done.card).toBeNull();
    expect(done.aheadCount).toBe(2);

    device.reviewAhead();
    const ahead = device.view(later(1));
    expect(ahead.reviewingAhead).toBe(true);
    expect(ahead.card?.cardId).toBe("card-1");
    expect(ahead.counts).toEqual({ learning: 0, review: 2, new: 0 });

    // Failed ahead, the card waits for its relearning step in today's queue instead of coming back at once.
    await device.grade("card-1", 1, 1000, later(1000));
    expect(device.view(later(2000)).card?.cardId).toBe("card-2");
    await device.grade("card-2", 3, 1000, later(3000));
    // Nothing ahead is left: the failed card comes early, as Anki's learn-ahead shows it.
    const after = device.view(later(4000));
    expect(after.reviewingAhead).toBe(false);
    expect(after.card?.cardId).toBe("card-1");
    expect(after.card?.schedule?.state).toBe(3);
    device.close();
  });
});
