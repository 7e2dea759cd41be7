// The full JSON backup: GET downloads it, POST restores one. Plain HTTP rather than a server
// action because a year of reviews is larger than a server action's body limit.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { exportBackup, restoreBackup } from "@/lib/db/index.ts";
import { domainErrorResponse, errorResponse, refusalResponse, unauthenticatedResponse, readBodyWithin } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";
import { MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_LABEL } from "@/lib/srs/index.ts";

export const dynamic = "force-dynamic";

const MAX_ISSUES = 20;

export async function GET() {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to download a backup.");
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

const tooLarge = () =>
  errorResponse("too_large", `The backup is larger than the ${MAX_BACKUP_SIZE_LABEL} a restore accepts; nothing changed.`, { issues: [] });

export async function POST(request: Request) {
  // Only a JSON body from this app's own pages: a cross-site page cannot send one without a preflight we never grant.
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to restore a backup.");
  const body = await readBodyWithin(request, MAX_BACKUP_BYTES);
  if (!body.ok) return tooLarge();
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "not UTF-8 text";
    return errorResponse("invalid", `This file is not JSON (${reason}).`, { issues: [] });
  }
  try {
    const result = await restoreBackup(user, input, new Date());
    if (!result.ok) {
      // The first problems are enough to fix the file; thousands would only bury them.
      const issues = result.issues.slice(0, MAX_ISSUES);
      const more = result.issues.length - issues.length;
      return errorResponse("not_restorable", "The backup was not restored; nothing changed.", { issues, more });
    }
    return NextResponse.json(result);
  } catch (error) {
    return domainErrorResponse(error, { issues: [] });
  }
}
