// Upload notes into the signed-in learner's library: mode=preview answers what would change,
// mode=apply writes it. Plain HTTP (multipart) because uploads can be large folders or archives.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth/index.ts";
import { importIntoLibrary } from "@/lib/db/web-import.ts";
import { collectUploads } from "@/lib/notes/index.ts";

/** The compressed upload may be at most this large; archives are further limited when expanded. */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_FILES = 20_000;

const FormSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  files: z.array(z.instanceof(File)).min(1, { error: "Choose at least one file." }).max(MAX_FILES, { error: `At most ${MAX_FILES} files at once.` }),
  paths: z.array(z.string().max(1024)),
});

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to import notes." }, { status: 401 });

  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES) {
    return NextResponse.json({ error: `The upload is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it in parts.` }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
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
  const collected = collectUploads(uploads);
  const result = await importIntoLibrary(user, collected.files, collected.problems, mode);
  return NextResponse.json(result);
}
