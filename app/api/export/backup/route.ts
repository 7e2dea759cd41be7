// The full JSON backup: GET downloads it, POST restores one (as a job: 202, then the page follows
// the run at /api/upload-runs/<id>). Plain HTTP rather than a server action because a year of
// reviews is larger than a server action's body limit.
import { currentUser } from "@/lib/auth/index.ts";
import { exportBackup, startUploadRun, uploadRunningMessage } from "@/lib/db/index.ts";
import { domainErrorResponse, errorResponse, refusalResponse, unauthenticatedResponse, readBodyWithin } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";
import { MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_LABEL } from "@/lib/srs/index.ts";
import { runAcceptedResponse } from "../../upload-runs/outcome-response.ts";

export const dynamic = "force-dynamic";

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
  // Reading, checking and writing the backup run as a job, which outlives this request and this
  // server (lib/db/upload-runs.ts): the page follows the run, whose answer is what this route gave before.
  try {
    const runId = await startUploadRun(user, "restore", body.bytes, "application/json");
    if (!runId) return errorResponse("already_running", uploadRunningMessage("restore"), { issues: [] });
    return runAcceptedResponse(runId, "queued");
  } catch (error) {
    return domainErrorResponse(error, { issues: [] });
  }
}
