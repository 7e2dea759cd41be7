// The full JSON backup: GET downloads it, POST restores one. Plain HTTP rather than a server
// action because a year of reviews is larger than a server action's body limit.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { exportBackup, restoreBackup } from "@/lib/db/backup.ts";

export const dynamic = "force-dynamic";

const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
const MAX_ISSUES = 20;

export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to download a backup." }, { status: 401 });
  const now = new Date();
  const backup = await exportBackup(user, now);
  return new Response(JSON.stringify(backup), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="iam-recall-backup-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

// Only a JSON body is read: a cross-site page cannot send one without a preflight we never grant.
const ContentType = z.string().regex(/^application\/json\b/i, { error: "Send the backup as application/json." });

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to restore a backup." }, { status: 401 });
  const type = ContentType.safeParse(request.headers.get("content-type") ?? "");
  if (!type.success) return NextResponse.json({ error: type.error.issues[0]?.message ?? "Unsupported content type." }, { status: 415 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BACKUP_BYTES) {
    return NextResponse.json({ error: `The backup is over ${MAX_BACKUP_BYTES / 1024 / 1024} MB.` }, { status: 413 });
  }
  let input: unknown;
  try {
    input = JSON.parse(await request.text());
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable";
    return NextResponse.json({ error: `This file is not JSON (${reason}).`, issues: [] }, { status: 400 });
  }
  const result = await restoreBackup(user, input);
  if (!result.ok) {
    // The first problems are enough to fix the file; thousands would only bury them.
    const issues = result.issues.slice(0, MAX_ISSUES);
    const more = result.issues.length - issues.length;
    return NextResponse.json({ error: "The backup was not restored; nothing changed.", issues, more }, { status: 422 });
  }
  return NextResponse.json(result);
}
