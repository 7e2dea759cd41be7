// Upload notes into the signed-in learner's library: mode=preview answers what would change, card
// by card; mode=apply writes it, leaving out the notes and cards the learner unticked. Plain HTTP
// (multipart) because uploads can be large folders or archives. The preview writes nothing and is
// answered here; the import itself runs as a job that outlives this request and this server
// (lib/db/upload-runs.ts): it is answered 202 with the run for the page to follow.
import { currentUser } from "@/lib/auth/index.ts";
import { MAX_UPLOAD_BYTES } from "@/lib/contracts/index.ts";
import { importUpload, readUploadForm, startUploadRun, uploadRunningMessage } from "@/lib/db/index.ts";
import { domainErrorResponse, errorResponse, refusalResponse, unauthenticatedResponse, readBodyWithin } from "@/lib/http/index.ts";
import { formatBytes } from "@/lib/notes/index.ts";
import { refuseCrossOrigin } from "@/lib/security/index.ts";
import { outcomeResponse, runAcceptedResponse } from "../upload-runs/outcome-response.ts";

export async function POST(request: Request) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to import notes.");

  // Counted as it arrives: Content-Length may be absent (chunked) or lie, and this route is not
  // behind the proxy's body cap.
  const body = await readBodyWithin(request, MAX_UPLOAD_BYTES);
  if (!body.ok) {
    return errorResponse("too_large", `The upload is over ${formatBytes(MAX_UPLOAD_BYTES)}; import it in parts.`);
  }
  const contentType = request.headers.get("content-type") ?? "";
  // The form is checked here, so a malformed one is refused at once rather than stored.
  const read = await readUploadForm(body.bytes, contentType);
  if (!read.ok) return outcomeResponse(read.refusal);
  try {
    if (read.form.mode === "apply") {
      const runId = await startUploadRun(user, "import", body.bytes, contentType);
      if (!runId) return errorResponse("already_running", uploadRunningMessage("import"));
      return runAcceptedResponse(runId, "queued");
    }
    return outcomeResponse(await importUpload(user, read.form));
  } catch (error) {
    return domainErrorResponse(error);
  }
}
