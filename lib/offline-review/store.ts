// The device's copy of the review day, in IndexedDB through idb. One database per learner, so two
// people sharing a browser never see or send each other's grades:
//   meta     key/value: the device id, the last sync time, the server's day per deck and when it came
//   outbox   pending events, append-only, in the order they were made (the only copy until synced)
//   history  the learner's recent actions, newest last, for undo (pending or already synced)
//   refused  events the server refused, with its reason, kept until the learner dismisses them
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from "idb";
import type { RefusedEvent, ReviewDay, ReviewEvent } from "@/lib/contracts/review-sync.ts";
import type { UnwrittenAction } from "./journal.ts";
import type { PendingEvent, Standing } from "./local-day.ts";

/** Actions kept for undo; older ones cannot be undone (Anki keeps a similar short list). */
export const MAX_UNDO = 100;
/** Refused events kept for the learner to read. */
export const MAX_REFUSED = 500;

export interface HistoryEntry {
  seq?: number;
  eventId: string;
  cardId: string;
  kind: ReviewEvent["kind"];
  deckId: string;
  noteKey: string;
  before: Standing;
}

export interface RefusedEntry {
  seq?: number;
  event: ReviewEvent;
  code: RefusedEvent["code"];
  message: string;
  refusedAt: string;
}

export interface StoredDay {
  day: ReviewDay;
  /** When the device received it (ISO). */
  fetchedAt: string;
}

interface ReviewDb extends DBSchema {
  meta: { key: string; value: unknown };
  outbox: { key: number; value: PendingEvent };
  history: { key: number; value: HistoryEntry };
  refused: { key: number; value: RefusedEntry };
}

type HistoryStore = IDBPObjectStore<ReviewDb, ["outbox", "history"], "history", "readwrite">;

/** Adds an undo entry and drops the oldest beyond MAX_UNDO. */
async function addHistory(log: HistoryStore, entry: HistoryEntry): Promise<void> {
  await log.add(entry);
  const count = await log.count();
  let cursor = count > MAX_UNDO ? await log.openCursor() : null;
  for (let extra = count - MAX_UNDO; cursor && extra > 0; extra--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}

export function databaseName(userId: string): string {
  return `iam-recall-review-${userId}`;
}

const dayKey = (deckId: string | null) => `day:${deckId ?? "*"}`;

export class DeviceStore {
  private constructor(private readonly db: IDBPDatabase<ReviewDb>) {}

  static async open(userId: string): Promise<DeviceStore> {
    if (!/^[\w-]{1,64}$/.test(userId)) throw new Error(`DeviceStore.open: user id ${JSON.stringify(userId)} is not a plain id`);
    const db = await openDB<ReviewDb>(databaseName(userId), 1, {
      upgrade(database) {
        database.createObjectStore("meta");
        database.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
        database.createObjectStore("history", { keyPath: "seq", autoIncrement: true });
        database.createObjectStore("refused", { keyPath: "seq", autoIncrement: true });
      },
    });
    return new DeviceStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** The id this device puts on its events, made once. */
  async deviceId(): Promise<string> {
    const tx = this.db.transaction("meta", "readwrite");
    let id = (await tx.store.get("deviceId")) as string | undefined;
    if (!id) {
      id = crypto.randomUUID();
      await tx.store.put(id, "deviceId");
    }
    await tx.done;
    return id;
  }

  async day(deckId: string | null): Promise<StoredDay | null> {
    return ((await this.db.get("meta", dayKey(deckId))) as StoredDay | undefined) ?? null;
  }

  async saveDay(stored: StoredDay): Promise<void> {
    await this.db.put("meta", stored, dayKey(stored.day.deckId));
  }

  /** Every stored day (one per deck studied on this device). */
  async days(): Promise<StoredDay[]> {
    const keys = await this.db.getAllKeys("meta");
    const days: StoredDay[] = [];
    for (const key of keys) if (key.startsWith("day:")) days.push((await this.db.get("meta", key)) as StoredDay);
    return days;
  }

  async lastSyncAt(): Promise<string | null> {
    return ((await this.db.get("meta", "lastSyncAt")) as string | undefined) ?? null;
  }

  async setLastSyncAt(at: string): Promise<void> {
    await this.db.put("meta", at, "lastSyncAt");
  }

  /** Records an action: its event in the outbox and its undo entry, in one transaction. */
  async record(pending: PendingEvent, history: HistoryEntry | null): Promise<PendingEvent> {
    const tx = this.db.transaction(["outbox", "history"], "readwrite");
    const seq = await tx.objectStore("outbox").add(pending);
    if (history) await addHistory(tx.objectStore("history"), history);
    await tx.done;
    return { ...pending, seq };
  }

  /**
   * Records the actions a closed page left in its journal (journal.ts), after everything in the
   * outbox; one whose event is already there (its own write finished after all) is skipped.
   */
  async recover(actions: readonly UnwrittenAction[]): Promise<number> {
    if (actions.length === 0) return 0;
    const tx = this.db.transaction(["outbox", "history"], "readwrite");
    const outbox = tx.objectStore("outbox");
    const present = new Set((await outbox.getAll()).map((pending) => pending.event.id));
    let recovered = 0;
    for (const { pending, history } of actions) {
      if (present.has(pending.event.id)) continue;
      present.add(pending.event.id);
      await outbox.add(pending);
      if (history) await addHistory(tx.objectStore("history"), history);
      recovered++;
    }
    await tx.done;
    return recovered;
  }

  async pending(): Promise<PendingEvent[]> {
    // An event twice in the outbox (a page's late write racing another page's recovery of it) counts once.
    const seen = new Set<string>();
    const unique: PendingEvent[] = [];
    for (const pending of await this.db.getAll("outbox")) {
      if (seen.has(pending.event.id)) continue;
      seen.add(pending.event.id);
      unique.push(pending);
    }
    return unique;
  }

  async pendingCount(): Promise<number> {
    return this.db.count("outbox");
  }

  /** Removes the last undo entry and returns it (with whether its event is still in the outbox). */
  async popHistory(): Promise<HistoryEntry | null> {
    const tx = this.db.transaction("history", "readwrite");
    const cursor = await tx.store.openCursor(null, "prev");
    const entry = cursor ? cursor.value : null;
    if (cursor) await cursor.delete();
    await tx.done;
    return entry;
  }

  async hasHistory(): Promise<boolean> {
    return (await this.db.count("history")) > 0;
  }

  /** Takes a pending event back out of the outbox; false when it is no longer there (sent meanwhile). */
  async withdraw(eventId: string): Promise<boolean> {
    const tx = this.db.transaction("outbox", "readwrite");
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.event.id === eventId) {
        await cursor.delete();
        await tx.done;
        return true;
      }
    }
    await tx.done;
    return false;
  }

  /** After a sync: drops the stored and refused events from the outbox, keeps the refusals to show. */
  async settle(storedIds: ReadonlySet<string>, refusals: readonly RefusedEntry[]): Promise<void> {
    const tx = this.db.transaction(["outbox", "refused"], "readwrite");
    const refusedIds = new Set(refusals.map((r) => r.event.id));
    const outbox = tx.objectStore("outbox");
    for (let cursor = await outbox.openCursor(); cursor; cursor = await cursor.continue()) {
      const id = cursor.value.event.id;
      if (storedIds.has(id) || refusedIds.has(id)) await cursor.delete();
    }
    const refused = tx.objectStore("refused");
    for (const entry of refusals) await refused.add(entry);
    const count = await refused.count();
    if (count > MAX_REFUSED) {
      let cursor = await refused.openCursor();
      for (let extra = count - MAX_REFUSED; cursor && extra > 0; extra--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    await tx.done;
  }

  async refused(): Promise<RefusedEntry[]> {
    return this.db.getAll("refused");
  }

  async dismissRefused(): Promise<void> {
    await this.db.clear("refused");
  }
}
