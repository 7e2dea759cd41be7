// Reads too heavy for the request thread (the stats page counts a year of a learner's grades), run
// on threads of their own, each with its own read-only connection: the event loop keeps serving
// other learners meanwhile, and a page's independent counts run side by side on the two cores.
// better-sqlite3 is synchronous, so on the request thread every such query stopped the server.
//
// Threads exist inside the Next.js server (which bundles read.worker.ts); code run from its
// TypeScript source (unit tests, the CLI, benchmarks' setup) reads on its own thread instead,
// unless a test asks for threads and gives them a TypeScript loader.
import "server-only";
import { Worker } from "node:worker_threads";
import type { ReadReply, ReadRequest } from "./read-messages.ts";
import { readConnection } from "./read-connection.ts";

export interface ReadPool {
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

/** Two cores on the machines this runs on; more threads would only queue on them. */
const THREADS = 2;

interface Job {
  request: ReadRequest;
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
}

class ThreadedReadPool implements ReadPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly spawn: (file: string) => Worker = spawnReadThread,
  ) {}

  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, sql, params: [...params] }, resolve, reject });
      this.dispatch();
    }) as Promise<Row[]>;
  }

  /** Idle threads take the oldest jobs, so independent queries of one page run side by side. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((t) => t.job === null) ?? this.start();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      thread.worker.postMessage(job.request);
    }
  }

  private start(): Thread | null {
    if (this.threads.length >= THREADS) return null;
    const worker = this.spawn(this.file);
    // The threads wait for work; they must not keep a CLI or a benchmark process alive.
    worker.unref();
    const thread: Thread = { worker, job: null };
    worker.on("message", (reply: ReadReply) => {
      const job = thread.job;
      thread.job = null;
      if (job && job.request.id === reply.id) {
        if (reply.ok) job.resolve(reply.rows);
        else job.reject(new Error(`Database read failed: ${reply.message}`));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      // "error" is followed by "exit": the thread is dropped once.
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      thread.job?.reject(new Error(`A database read thread stopped: ${error.message}`));
      thread.job = null;
      this.dispatch();
    };
    worker.once("error", fail);
    worker.once("exit", (code) => fail(new Error(`exit code ${code}`)));
    this.threads.push(thread);
    return thread;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.splice(0).map((t) => t.worker.terminate()));
  }
}

function spawnReadThread(file: string): Worker {
  return new Worker(new URL("./read.worker.ts", import.meta.url), { workerData: { file } });
}

function onThisThread(file: string): ReadPool {
  return {
    async all<Row>(sql: string, params: readonly unknown[]) {
      return readConnection(file)
        .prepare(sql)
        .all(...params) as Row[];
    },
  };
}

/** Threads for a test, started by `spawn` (which gives them a TypeScript loader). */
export function threadedReadPool(file: string, spawn: (file: string) => Worker): ReadPool & { close(): Promise<void> } {
  return new ThreadedReadPool(file, spawn);
}

const pools = globalThis as unknown as { iamRecallReadPools?: Map<string, ReadPool> };

export function readPool(file: string): ReadPool {
  pools.iamRecallReadPools ??= new Map();
  let pool = pools.iamRecallReadPools.get(file);
  if (!pool) {
    pool = process.env.NEXT_RUNTIME === "nodejs" ? new ThreadedReadPool(file) : onThisThread(file);
    pools.iamRecallReadPools.set(file, pool);
  }
  return pool;
}
