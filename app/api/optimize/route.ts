// "Optimize my parameters": queues a run of FSRS-6 training on the learner's own log (a job: this
// server on SQLite, any app server on PostgreSQL) and streams NDJSON, one line per event:
// {"type":"progress"} while training, then one "result" (or "error") line. The stream follows the
// run's row, which every server can read, so it does not matter which server trains. Streaming lets
// the page draw a progress bar without polling.
import { currentUser } from "@/lib/auth/index.ts";
import { OptimizeRequestSchema } from "@/lib/contracts/index.ts";
import { OPTIMIZER_FAILED_MESSAGE as FAILED, optimizerRunView, startOptimizerRun } from "@/lib/db/index.ts";
import { errorResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";
import type { OptimizeEvent } from "@/components/settings/optimize-types.ts";

export const dynamic = "force-dynamic";

/** How often the run's row is read while it runs. */
const FOLLOW_MS = 250;

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to optimize your parameters.");
  const body = OptimizeRequestSchema.safeParse(await request.json().catch(() => ({})));
  if (!body.success) return errorResponse("invalid", "This endpoint takes no options.");
  // One run per learner at a time, held by the job queue: a second tab's click would only race the first to save.
  const runId = await startOptimizerRun(user);
  if (!runId) return errorResponse("already_running", "An optimization is already running for you.");

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: OptimizeEvent) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The client went away; the run goes on and saves what it finds.
        }
      };
      try {
        let shown = "";
        // A page that leaves stops following; the run itself finishes on its worker.
        while (!request.signal.aborted) {
          const run = await optimizerRunView(user, runId);
          if (!run) {
            send({ type: "error", message: FAILED });
            break;
          }
          if (run.status === "done" && run.result) {
            send({ type: "result", result: run.result });
            break;
          }
          if (run.status === "failed") {
            send({ type: "error", message: run.error ?? FAILED });
            break;
          }
          const progress = `${run.done}/${run.total}`;
          if (run.status === "running" && run.total > 0 && progress !== shown) {
            shown = progress;
            send({ type: "progress", done: run.done, total: run.total });
          }
          await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
        }
      } catch (error) {
        console.error("optimize: following the run failed", error);
        send({ type: "error", message: FAILED });
      } finally {
        try {
          controller.close();
        } catch {
          // already closed by a cancelled client
        }
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
