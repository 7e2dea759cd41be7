// An image an imported Anki card shows, by its content hash: to its owner, or to any signed-in
// learner for the starter decks. Someone else's image answers 404, as if it did not exist.
import { currentUser } from "@/lib/auth/index.ts";
import { readMedia } from "@/lib/db/index.ts";
import { errorResponse, unauthenticatedResponse } from "@/lib/http/index.ts";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ hash: string }> }) {
  const user = await currentUser();
  if (!user) return unauthenticatedResponse("Sign in to see this image.");
  const { hash } = await params;
  const media = await readMedia(user, hash);
  if (!media) return errorResponse("not_found", "No such image.");
  return new Response(new Blob([media.bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": media.mime,
      // The bytes never change under a hash, but only this learner may keep them.
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // An SVG opened on its own runs no script and loads nothing.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
