// "Optimize my parameters": trains FSRS-6 on the learner's own log in this server process and
// streams NDJSON, one line per event: {"type":"progress"} while training, then one "result" (or
// "error") line. Streaming lets the page draw a progress bar without polling.
import { currentUser } from "@/lib/auth/index.ts";
import { OptimizeRequestSchema } from "@/lib/contracts/index.ts";
import { optimizeForLearner } from "@/lib/db/index.ts";
import { errorResponse, refusalResponse, unauthenticatedResponse } from "@/lib/http/index.ts";
import { refuseUnsafeJsonRequest } from "@/lib/security/index.ts";
import type { OptimizeEvent } from "@/components/settings/optimize-types.ts";

export const dynamic = "force-dynamic";

// One run per learner at a time: a second tab's click would only race the first to save.
const running = new Set<string>();

export async function POST(request: Request) {
  const refusal = refuseUnsafeJsonRequest(request);
  if (refusal) return refusalResponse(refusal);
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to optimize your parameters.");
  const body = OptimizeRequestSchema.safeParse(await request.json().catch(() => ({})));
  if (!body.success) return errorResponse("invalid", "This endpoint takes no options.");
  if (running.has(user.id)) return errorResponse("already_running", "An optimization is already running for you.");
  running.add(user.id);

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: OptimizeEvent) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The client went away; the abort signal stops the work.
        }
      };
      try {
        const result = await optimizeForLearner(user, {
          signal: request.signal,
          onProgress: (done, total) => send({ type: "progress", done, total }),
        });
        send({ type: "result", result });
      } catch (error) {
        if (!request.signal.aborted) {
          console.error("optimize failed", error);
          send({ type: "error", message: "The optimizer failed; your parameters were not changed." });
        }
      } finally {
        running.delete(user.id);
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
