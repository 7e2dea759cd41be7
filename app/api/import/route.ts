// Upload notes into the signed-in learner's library: mode=preview answers what would change,
// mode=apply writes it. Plain HTTP (multipart) because uploads can be large folders or archives.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { DATABASE_BUSY_RETRY_AFTER_S, isDatabaseBusy } from "@/lib/db/database-busy.ts";
import { importIntoLibrary } from "@/lib/db/web-import.ts";
import { readBodyWithin } from "@/lib/http/read-body-within.ts";
import { formatBytes } from "@/lib/notes/index.ts";
import { previewUploadInWorker } from "@/lib/notes/worker/index.ts";
import { refuseCrossOrigin } from "@/lib/security/request-guard.ts";

/** The compressed upload may be at most this large; what it expands to has its own budget (lib/notes/input/limits.ts). */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_FILES = 20_000;

const FormSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  files: z.array(z.instanceof(File)).min(1, { error: "Choose at least one file." }).max(MAX_FILES, { error: `At most ${MAX_FILES} files at once.` }),
  paths: z.array(z.string().max(1024)),
});

export async function POST(request: Request) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return NextResponse.json({ error: refusal.message }, { status: refusal.status });
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to import notes." }, { status: 401 });

  // Counted as it arrives: Content-Length may be absent (chunked) or lie, and this route is not
  // behind the proxy's body cap.
  const body = await readBodyWithin(request, MAX_UPLOAD_BYTES);
  if (!body.ok) {
    return NextResponse.json({ error: `The upload is over ${formatBytes(MAX_UPLOAD_BYTES)}; import it in parts.` }, { status: 413 });
  }
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = await new Response(body.bytes, { headers: { "content-type": type } }).formData();
  } catch {
    return NextResponse.json({ error: "The upload could not be read as a form." }, { status: 400 });
  }
  const parsed = FormSchema.safeParse({ mode: form.get("mode"), files: form.getAll("file"), paths: form.getAll("path") });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return NextResponse.json({ error: first ? `${first.path.join(".") || "form"}: ${first.message}` : "Invalid upload." }, { status: 400 });
  }
  const { mode, files, paths } = parsed.data;
  const uploads = await Promise.all(
    files.map(async (file, i) => ({ path: paths[i] || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  // Expanding and parsing run in a worker: other learners are served meanwhile, and a hostile
  // upload can only exhaust that worker's capped heap.
  const read = await previewUploadInWorker(uploads);
  if (!read.ok) return NextResponse.json({ error: read.message }, { status: read.status });
  try {
    return NextResponse.json(await importIntoLibrary(user, read.preview, mode));
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    return NextResponse.json(
      { error: "The database is busy with another write; nothing was imported. Try again in a moment." },
      { status: 503, headers: { "Retry-After": String(DATABASE_BUSY_RETRY_AFTER_S) } },
    );
  }
}
