// Upload notes into the signed-in learner's library: mode=preview answers what would change, card
// by card; mode=apply writes it, leaving out the notes and cards the learner unticked. Plain HTTP
// (multipart) because uploads can be large folders or archives.
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/index.ts";
import { MAX_UPLOAD_BYTES, UploadFormSchema } from "@/lib/contracts/index.ts";
import { importIntoLibrary } from "@/lib/db/index.ts";
import {
  domainErrorResponse,
  errorResponse,
  invalidBodyResponse,
  refusalResponse,
  unauthenticatedResponse,
  readBodyWithin,
} from "@/lib/http/index.ts";
import { formatBytes } from "@/lib/notes/index.ts";
import { previewUploadInWorker } from "@/lib/notes/worker/index.ts";
import { refuseCrossOrigin } from "@/lib/security/index.ts";
import { ankiImport } from "./anki.ts";

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
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = await new Response(body.bytes, { headers: { "content-type": type } }).formData();
  } catch {
    return errorResponse("invalid", "The upload could not be read as a form.");
  }
  const parsed = UploadFormSchema.safeParse({
    mode: form.get("mode"),
    files: form.getAll("file"),
    paths: form.getAll("path"),
    untickedKeys: form.getAll("untickedKey"),
    untickedFiles: form.getAll("untickedFile"),
  });
  if (!parsed.success) return invalidBodyResponse(parsed.error, "form");
  const { mode, files, paths, untickedKeys, untickedFiles } = parsed.data;
  const uploads = await Promise.all(
    files.map(async (file, i) => ({ path: paths[i] || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const selection = { untickedKeys: new Set(untickedKeys), untickedFiles: new Set(untickedFiles) };
  const anki = await ankiImport(user, uploads, mode, selection, form.getAll("column"));
  if (anki) return anki;
  // Expanding, parsing and rendering the preview's faces run in a worker: other learners are
  // served meanwhile, and a hostile upload can only exhaust that worker's capped heap.
  const read = await previewUploadInWorker(uploads, { review: mode === "preview" });
  if (!read.ok) return errorResponse(read.code, read.message);
  try {
    return NextResponse.json(await importIntoLibrary(user, read.preview, mode, selection));
  } catch (error) {
    return domainErrorResponse(error);
  }
}
