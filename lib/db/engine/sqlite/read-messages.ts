// What the server and its read threads (read.worker.ts) say to each other.

export interface ReadRequest {
  id: number;
  sql: string;
  params: unknown[];
}

export type ReadReply = { id: number; ok: true; rows: unknown[] } | { id: number; ok: false; message: string };
