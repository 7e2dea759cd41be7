// The learner's review log as CSV in the columns the FSRS optimizer reads, as a download.
import { currentUser } from "@/lib/auth/index.ts";
import { unauthenticatedResponse } from "@/lib/http/index.ts";
import { reviewLogPages } from "@/lib/db/index.ts";
import { REVIEW_CSV_HEADER, reviewCsvRow } from "@/lib/srs/index.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to export your reviews.");
  const encoder = new TextEncoder();
  const pages = reviewLogPages(user);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${REVIEW_CSV_HEADER}\n`));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => `${reviewCsvRow(r)}\n`).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="iam-recall-reviews-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
