// A grade made just before the page goes away: its IndexedDB write waits for the next paint, and
// a page closed in between may never finish it. The journal (localStorage) keeps a copy from the
// moment the page is hidden; the next open puts it in the outbox, once.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { ReviewDevice, storageJournal } from "@/lib/offline-review/index.ts";
import { dayCard, FakeServer, NOW, reviewDay } from "./fixtures.ts";

/** localStorage's interface over a Map (Node has no localStorage). */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

let users = 0;
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function deviceOffline(storage: MemoryStorage) {
  const server = new FakeServer(reviewDay([1, 2, 3].map((n) => dayCard(n))));
  const userId = `journal-user${++users}`;
  const device = await ReviewDevice.open(userId, null, server.fetch, storageJournal(storage, userId));
  await device.syncAndRefresh(NOW);
  server.offline = true;
  const reopen = () => ReviewDevice.open(userId, null, server.fetch, storageJournal(storage, userId));
  return { device, reopen };
}

describe("the journal of actions not yet written", () => {
  it("keeps a grade whose write the closing page never finished, and the next open records it once", async () => {
    const storage = new MemoryStorage();
    const { device, reopen } = await deviceOffline(storage);
    await device.grade("card-1", 3, 900, later(1000));
    const lost = device.grade("card-2", 4, 700, later(2000));
    device.flushWrites(); // the page is hidden: card-2's write has not run yet
    expect(storage.items.size).toBe(1);
    device.close(); // ... and the page dies: the write fails on the closed database
    await lost;
    expect(device.view(later(2000)).message).toMatch(/could not be saved/);

    const reopened = await reopen();
    const view = reopened.view(later(3000));
    expect(view.pendingCount).toBe(2);
    expect(view.card?.cardId).toBe("card-3");
    expect(view.canUndo).toBe(true);
    expect(storage.items.size).toBe(0);
    // The recovered grade is undoable like any other: undo brings card-2 back, not card-1.
    await reopened.undo(later(4000));
    expect(reopened.view(later(4000)).card?.cardId).toBe("card-2");
    expect(reopened.view(later(4000)).pendingCount).toBe(1);
    reopened.close();
  });

  it("drops the copy once the write finishes, and never records an action twice", async () => {
    const storage = new MemoryStorage();
    const { device, reopen } = await deviceOffline(storage);
    const written = device.grade("card-1", 3, 900, later(1000));
    device.flushWrites();
    const copy = new Map(storage.items);
    expect(copy.size).toBe(1);
    await written;
    expect(storage.items.size).toBe(0);
    device.close();

    // A page that died after its write but before dropping the copy: the outbox already has the event.
    for (const [key, value] of copy) storage.setItem(key, value);
    const reopened = await reopen();
    expect(reopened.view(later(2000)).pendingCount).toBe(1);
    expect(reopened.view(later(2000)).card?.cardId).toBe("card-2");
    expect(storage.items.size).toBe(0);
    reopened.close();
  });

  it("gives each page its own copy and skips what it cannot read", () => {
    const storage = new MemoryStorage();
    const action = (id: string, at: string) => ({
      pending: {
        event: { id, cardId: "card-1", at, deviceId: "d", kind: "bury" as const },
        deckId: "deck-1",
        noteKey: "note-1",
        before: { schedule: null, buriedUntil: null, suspended: false },
      },
      history: null,
    });
    storageJournal(storage, "u", "tab-a").keep([action("late", "2026-03-10T09:00:05.000Z")]);
    storageJournal(storage, "u", "tab-b").keep([action("early", "2026-03-10T09:00:01.000Z")]);
    storage.setItem("iam-recall-unwritten:u:tab-c", "[{broken");
    storage.setItem("iam-recall-unwritten:u:tab-d", JSON.stringify([{ pending: { event: { id: 7 } } }]));
    storage.setItem("iam-recall-unwritten:someone-else:tab-e", JSON.stringify([action("theirs", "2026-03-10T09:00:00.000Z")]));

    const { actions, forget } = storageJournal(storage, "u", "tab-f").collect();
    expect(actions.map((a) => a.pending.event.id)).toEqual(["early", "late"]);
    forget();
    expect([...storage.items.keys()]).toEqual(["iam-recall-unwritten:someone-else:tab-e"]);
  });
});
