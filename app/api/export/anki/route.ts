// A deck and its subdecks as an .apkg for Anki, AnkiDroid or AnkiMobile: GET ?deck=<deck id>.
// A deck the learner may not read answers 404. The package is written in a worker thread with a
// seat among the upload readers: a full line answers 503 (uploads_busy), an overrun 413.
import { z } from "zod";
import { writeApkgInWorker } from "@/lib/anki/worker/index.ts";
import { currentUser } from "@/lib/auth/index.ts";
import { exportDeckAsApkg, type AnkiExport } from "@/lib/db/index.ts";
import { domainErrorResponse, errorResponse, unauthenticatedResponse } from "@/lib/http/index.ts";

export const dynamic = "force-dynamic";

const DeckId = z.string().min(1).max(100);

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to export a deck.");
  const deck = DeckId.safeParse(new URL(request.url).searchParams.get("deck"));
  if (!deck.success) return errorResponse("invalid", "Say which deck to export: ?deck=<deck id>.");
  let exported: AnkiExport | null;
  try {
    exported = await exportDeckAsApkg(user, deck.data, new Date(), (input) => writeApkgInWorker(input));
  } catch (error) {
    return domainErrorResponse(error);
  }
  if (!exported) return errorResponse("not_found", "No such deck.");
  return new Response(new Blob([exported.bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
      "X-Exported-Cards": String(exported.cards),
      "X-Left-Out-Cards": String(exported.leftOut),
    },
  });
}
