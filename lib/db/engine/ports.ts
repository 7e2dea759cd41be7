// What the rest of the code may ask of the database engine beyond Prisma: one interface per job
// that only raw SQL, a native driver or engine tooling can do fast or at all. Each engine (SQLite,
// PostgreSQL) implements every port; nothing outside lib/db/engine knows which engine runs. Every
// method returns a promise, so an engine whose driver is asynchronous fits the same shape.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { BackupCardState, BackupReviewLog, ReviewLogValues, SchedulingState } from "../../srs/index.ts";
import type { Prisma } from "../generated/client.ts";
import type { ImportPlan, ImportTarget, StoredCard } from "../import-plan.ts";

export type EngineName = "sqlite" | "postgresql";

// ---- Queue reads: the review hot path, read without Prisma's per-row cost. ----

export interface DueStateRow {
  cardId: string;
  deckId: string;
  noteKey: string;
  scope: string;
  cardSuspended: boolean;
  buriedUntil: Date | null;
  state: SchedulingState;
}

export interface NewCardRow {
  id: string;
  deckId: string;
  noteKey: string;
  sourceFile: string;
  sourceLine: number;
}

export interface DayLogRow {
  deckId: string;
  noteKey: string;
  state: number;
  review: Date;
}

export interface QueueReads {
  /** The learner's (re)learning cards due before `horizon`, not suspended by the learner. */
  dueLearningStates(userId: string, horizon: Date): Promise<DueStateRow[]>;
  /** The learner's most overdue review cards due before `dayEnd`, at most `take`. */
  dueReviewStates(userId: string, dayEnd: Date, take: number): Promise<DueStateRow[]>;
  /** The first `take` cards of a scope (and deck), in note order, the learner has not studied or suspended. */
  firstUnstudiedCards(userId: string, scope: string, deckId: string | null, take: number): Promise<NewCardRow[]>;
  /** New cards the learner buried, with the time each comes back. */
  buriedNewCards(userId: string, now: Date): Promise<Map<string, Date>>;
  /** The learner's grades in [start, end), with the card's deck and note. */
  logsBetween(userId: string, start: Date, end: Date): Promise<DayLogRow[]>;
}

// ---- Review events: what recording a learner's events reads and writes, inside their transaction. ----

/** The Prisma transaction client a port method runs its statements through (the models are alike on both engines). */
export type TransactionClient = Prisma.TransactionClient;

/** A stored ReviewEvent row, as the replay reads it (`base` only on a card's base row). */
export interface ReviewEventRow {
  id: string;
  cardId: string;
  kind: string;
  rating: number | null;
  at: Date;
  durationMs: number | null;
  undoes: string | null;
  /** The ReviewEvent.base Json column's value (parsed JSON), null but on a base row. */
  base: unknown;
}

export interface ReviewStateRow extends SchedulingState {
  id: string;
  cardId: string;
  buriedUntil: Date | null;
  suspended: boolean;
  version: number;
}

export interface ReviewLogRow extends ReviewLogValues {
  id: string;
  cardId: string;
  clientReviewId: string | null;
  durationMs: number;
}

export interface EventReadQuery {
  userId: string;
  /** The cards the events name, and the scopes the learner may read them in. */
  cardIds: readonly string[];
  scopes: readonly string[];
  /** The events' own ids and the ids their undos name. */
  eventIds: readonly string[];
}

export interface EventReadRows {
  /** The named cards the learner may read. */
  cards: { id: string; deckId: string }[];
  /** The learner's events with one of the ids, and all their events of the named cards. */
  events: ReviewEventRow[];
  /** The learner's state rows of the named cards. */
  states: ReviewStateRow[];
  /** The learner's review-log rows of the named cards that events made (a clientReviewId). */
  logs: ReviewLogRow[];
}

export interface NewReviewEvent {
  id: string;
  cardId: string;
  kind: string;
  rating: number | null;
  at: Date;
  durationMs: number | null;
  deviceId: string;
  undoes: string | null;
  /** A value for the ReviewEvent.base Json column (never JSON text), null but on a base row. */
  base: Prisma.InputJsonValue | null;
}

/** A CardState row as the replay leaves it; written over the stored one, if any. */
export type ReplayedState = Omit<ReviewStateRow, "id">;

export interface ReplayWrites {
  events: NewReviewEvent[];
  /** Cards whose state row is replaced (or made) with these values, and cards whose row goes. */
  states: ReplayedState[];
  removedStates: string[];
  /** New review-log rows (their ids chosen by the caller), rows rewritten, and rows removed by id. */
  newLogs: ReviewLogRow[];
  changedLogs: ReviewLogRow[];
  removedLogs: string[];
}

export interface ReviewEventStore {
  /**
   * Everything recording a batch of events reads, inside the learner's review transaction `tx`
   * (so it sees the rows that transaction wrote): on a server engine in one round trip.
   */
  readForEvents(tx: TransactionClient, query: EventReadQuery): Promise<EventReadRows>;
  /** Writes a replay's outcome for `userId` through `tx`, all of it or (with the transaction) none. */
  writeReplay(tx: TransactionClient, userId: string, writes: ReplayWrites, now: Date): Promise<void>;
}

// ---- Stats reads: a learner's history counted by the engine, a row per quarter hour. ----

/** Review-log rows of one quarter hour (all of them, and the Review-state grades true retention counts). */
export interface ReviewBucket {
  /** The start of the span counted (a learner day). */
  start: Date;
  reviews: number;
  graded: number;
  passed: number;
  youngGraded: number;
  youngPassed: number;
}

export interface StateBucket {
  /** Null for cards the learner never studied (no state row). */
  state: number | null;
  suspended: boolean;
  cards: number;
}

/** Studied, unsuspended cards due in one quarter hour, by state and maturity. */
export interface DueBucket {
  start: Date;
  state: number;
  mature: boolean;
  cards: number;
}

/** What waits in one deck for a learner: unsuspended cards, never studied, and due before the day ends. */
export interface DeckCountRow {
  deckId: string;
  cards: number;
  unstudied: number;
  learning: number;
  review: number;
}

export interface StatsReads {
  /**
   * Per deck of the readable scopes, in one pass over the cards: all unsuspended cards, those the
   * learner never studied, and (re)learning and review cards due before `dayEnd`, not suspended or
   * buried by the learner at `now`.
   */
  deckCounts(userId: string, scopes: readonly string[], dayEnd: Date, now: Date): Promise<DeckCountRow[]>;
  /**
   * The learner's review-log rows counted per span: span i is [bounds[i], bounds[i + 1]) (the
   * caller passes its learner days, so no row is put into a day by the database's idea of time).
   * Spans without rows are left out.
   */
  reviewBuckets(userId: string, bounds: readonly Date[], matureDays: number): Promise<ReviewBucket[]>;
  /** How many review-log rows the learner has, of all time. */
  reviewCount(userId: string): Promise<number>;
  /** The readable, unsuspended cards, counted by the learner's state (null: never studied) and suspension. */
  stateBuckets(userId: string, scopes: readonly string[]): Promise<StateBucket[]>;
  /** The learner's studied cards due before `before`, counted per quarter hour of their due time. */
  dueBuckets(userId: string, scopes: readonly string[], before: Date, matureDays: number): Promise<DueBucket[]>;
}

// ---- Bulk writes: an import and a restore, each all or nothing, at thousands of rows a second. ----

/** Where the card a backup key names lives: the learner's own scope or the starter decks. */
export interface CardRef {
  scope: string;
  key: string;
}

export interface RestoreRows {
  userId: string;
  /** Backup key -> the card it names; the restore touches these cards' rows only. */
  cards: ReadonlyMap<string, CardRef>;
  states: Readonly<Record<string, BackupCardState>>;
  logs: readonly BackupReviewLog[];
  /** The learner's settings as JSON text, written to the User.schedulerSettings Json column. */
  settingsJson: string;
  now: Date;
}

export type RestoreWrite = { ok: true; cards: number; reviews: number } | { ok: false; missing: string[] };

/** An image an import brings; a scope keeps one row per content hash. */
export interface ImportedMedia {
  name: string;
  sha256: string;
  mime: string;
  bytes: Uint8Array;
}

/** One graded review another app recorded; `clientReviewId` makes a re-import add it only once. */
export interface ImportedReviewRow {
  clientReviewId: string;
  durationMs: number;
  log: ReviewLogValues;
}

/** A card's history from another app (by card key): its reviews and the state they replay to. */
export interface ImportedCardHistory {
  key: string;
  reviews: readonly ImportedReviewRow[];
  /** Null for a card still new there. */
  state: SchedulingState | null;
  suspended: boolean;
  /** Buried there: buried here for a day from the import. */
  buried: boolean;
}

/** What an import of another app's collection brings beside the cards, written in the cards' transaction. */
export interface ImportExtras {
  media: readonly ImportedMedia[];
  /** The scope's images together may take this many bytes; past it nothing at all is written. */
  maxMediaBytes: number;
  /**
   * The owner's history, written only when the target has an owner. Every review id starts with
   * `clientReviewIdPrefix`; a card with reviews not starting with it was studied here and keeps its state.
   */
  histories: readonly ImportedCardHistory[];
  clientReviewIdPrefix: string;
}

export type ImportWithExtrasWrite =
  | { ok: true; plan: ImportPlan; newMedia: number; newReviews: number; states: number }
  /** The images would pass the scope's budget: nothing was written. */
  | { ok: false; mediaBytesStored: number; mediaBytesAdding: number };

/** What a re-import is compared with: the scope's cards and the owner's review ids of that source. */
export interface ImportBaseline {
  stored: StoredCard[];
  clientReviewIds: Set<string>;
}

export interface BulkWrites {
  /** Every card of a scope, with its deck's path, as the import plan compares them. */
  readStoredCards(scope: string): Promise<StoredCard[]>;
  /**
   * Plans and applies an import in one transaction: the plan is made from the rows as they are
   * inside it, and nothing is written unless all of it is.
   */
  importInTransaction(target: ImportTarget, makePlan: (stored: StoredCard[]) => ImportPlan, now: Date): Promise<ImportPlan>;
  /** The scope's cards and, when the target has an owner, their review ids starting with `clientReviewIdPrefix`, read together. */
  readImportBaseline(target: ImportTarget, clientReviewIdPrefix: string): Promise<ImportBaseline>;
  /**
   * importInTransaction with the extras in the same transaction: images (within their budget),
   * review rows not stored before, and replayed states for cards the owner has not studied here.
   */
  importWithExtrasInTransaction(
    target: ImportTarget,
    makePlan: (stored: StoredCard[]) => ImportPlan,
    extras: ImportExtras,
    now: Date,
  ): Promise<ImportWithExtrasWrite>;
  /**
   * Replaces the learner's states and logs for the named cards, and their settings, all or nothing.
   * Cards not found come back as `missing`, with nothing written. Other requests are served while
   * it runs.
   */
  restoreInTransaction(rows: RestoreRows): Promise<RestoreWrite>;
}

// ---- The running app's engine: the one Prisma client's driver and the hot paths above. ----

export interface DatabaseEngine {
  readonly name: EngineName;
  readonly queueReads: QueueReads;
  readonly statsReads: StatsReads;
  readonly bulkWrites: BulkWrites;
  readonly reviewEvents: ReviewEventStore;
  /** The driver adapter the process's one Prisma client is built on. */
  prismaAdapter(): SqlMigrationAwareDriverAdapterFactory;
}

// ---- Tooling: setup, migrations, and the handle tests and benchmarks read and seed through. ----

/** A value a statement takes: dates and booleans are stored the way Prisma stores them on the engine. */
export type SqlValue = string | number | bigint | boolean | Date | null;

export interface DatabaseHandle {
  all<T>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  get<T>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  /** Runs one statement; resolves to the number of rows it changed. */
  run(sql: string, ...params: SqlValue[]): Promise<number>;
  /** Runs `sql` once per row, all in one transaction: the fast path for seeding fixtures. */
  runMany(sql: string, rows: Iterable<readonly SqlValue[]>): Promise<number>;
  /** Takes the write lock as another process would (the CLI importer), until released. */
  holdWriteLock(): Promise<{ release(): Promise<void> }>;
  close(): Promise<void>;
}

export interface DatabaseTools {
  readonly name: EngineName;
  /** Where the data lives, for people (a file path, or a server URL without its password). */
  readonly location: string;
  /**
   * Null when the database can be used, else one line naming DATABASE_URL; `mustExist` is for the
   * running app, since only setup creates it. Asynchronous because a server has to be asked.
   */
  problem(options: { mustExist: boolean }): Promise<string | null>;
  /** Applies the migrations in `migrationsDir` not yet recorded; creates the database first if needed. */
  applyMigrations(migrationsDir: string): Promise<string[]>;
  /** Settings that last in the database itself, set once after the migrations (SQLite: write-ahead logging). */
  tune(): Promise<void>;
  /**
   * A handle for tests, benchmarks and fixtures; close it when done. Its SQL is the engine's own:
   * `?` parameters on SQLite, `$1` on PostgreSQL (tests for both use tests/support's `numbered`).
   */
  open(options?: { readonly?: boolean }): DatabaseHandle;
}

/** Migration authoring, which replays the migrations on a scratch database of the engine's own. */
export interface MigrationAuthoring {
  /** The SQL that takes a database with every migration in `migrationsDir` applied to `schemaPath`'s schema. */
  diffSchemaAgainstMigrations(migrationsDir: string, schemaPath: string): Promise<string>;
}

// ---- Coordination: rules that must hold across app servers, so they live in the database. ----

/** A claim held until released; on a server, also given up when the holder's connection dies. */
export interface Claim {
  release(): Promise<void>;
}

export interface Claims {
  /**
   * Claims `key` (a learner's id) for one `kind` of work (a restore, an optimizer run) for as long
   * as the work runs, or returns null when someone else holds it. On SQLite one process serves
   * the app, so its memory is enough; on PostgreSQL a session advisory lock on a connection kept
   * for the claim makes it hold across servers and free itself when a server dies.
   */
  tryClaim(kind: string, key: string): Promise<Claim | null>;
}

/** The one call a Prisma transaction client needs here, on either engine's client. */
export interface RawStatements {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

export interface TransactionLocks {
  /**
   * Inside a Prisma transaction: waits until no other transaction holds any of `keys` of `kind`,
   * then holds them until this one ends, so a check-then-write (is this event stored? is there
   * room under the limit?) cannot interleave with another's. SQLite's transactions already take
   * the write lock at BEGIN; PostgreSQL takes transaction advisory locks, in one order.
   */
  lock(tx: RawStatements, kind: string, keys: readonly string[]): Promise<void>;
}

/** What a job carries: ids to read the rest by, since a job may run on another server, later. */
export type JobData = Readonly<Record<string, string>>;

/** Runs one job; `signal` aborts when this server may no longer finish it (stopping, or the queue took it back). */
export type JobHandler = (data: JobData, signal: AbortSignal) => Promise<void>;

export interface JobQueue {
  /**
   * Makes this process a worker for jobs of `kind` (every app server, once). A handler that throws
   * leaves the job to be tried again; one that returns has finished it. `concurrency` is how many
   * jobs of the kind (each a different learner's) this process runs at once; 1 unless given. On
   * SQLite every queued job runs at once, one per learner, whatever it says.
   */
  work(kind: string, handler: JobHandler, options?: { concurrency?: number }): Promise<void>;
  /**
   * Queues a job of `kind` for `key` (a learner's id), unless one of that kind is queued or running
   * for the key: then false. On SQLite the one process runs it at once; on PostgreSQL any server's
   * worker takes it, and if that server dies the job goes to another.
   */
  enqueue(kind: string, key: string, data: JobData): Promise<boolean>;
  /**
   * Whether a queued job outlives this process: on PostgreSQL another server takes it; on SQLite a
   * job runs in this process or not at all, so what it needs may be handed to it in memory.
   */
  readonly outlivesProcess: boolean;
  /** Stops this process's workers; a job still running is handed back to the queue. */
  stop(): Promise<void>;
}

export interface Coordination {
  readonly claims: Claims;
  readonly transactionLocks: TransactionLocks;
  readonly jobs: JobQueue;
}
