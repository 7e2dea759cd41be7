// Follows an import or restore running as a job (POST /api/import with mode=apply, POST
// /api/export/backup): 202 while it is queued or running, then the run's answer. Only the learner
// who started a run can read it; anyone else's, or none, answers 404 alike.
import { currentUser } from "@/lib/auth/index.ts";
import { uploadRunView } from "@/lib/db/index.ts";
import { domainErrorResponse, errorResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { outcomeResponse, runAcceptedResponse } from "../outcome-response.ts";

export const dynamic = "force-dynamic";

/** Run ids are cuids: anything much longer is no run's. */
const MAX_RUN_ID_CHARS = 64;

export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to follow your import or restore.");
  const { runId } = await params;
  const notFound = () => errorResponse("not_found", "There is no such import or restore of yours.");
  if (runId.length > MAX_RUN_ID_CHARS) return notFound();
  try {
    const view = await uploadRunView(user, runId);
    if (!view) return notFound();
    if (!("outcome" in view)) return runAcceptedResponse(runId, view.status);
    const answer = outcomeResponse(view.outcome);
    answer.headers.set("Cache-Control", "no-store");
    return answer;
  } catch (error) {
    return domainErrorResponse(error);
  }
}
