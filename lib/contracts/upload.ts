// The import page's multipart upload to POST /api/import: form fields `mode`, then one `file` and
// one `path` per chosen file, in the same order.
import { z } from "zod";

/** The compressed upload may be at most this large; what it expands to has its own budget (lib/notes). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20_000;

export const UploadFormSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  files: z
    .array(z.instanceof(File))
    .min(1, { error: "Choose at least one file." })
    .max(MAX_UPLOAD_FILES, { error: `At most ${MAX_UPLOAD_FILES} files at once.` }),
  paths: z.array(z.string().max(1024)),
});
export type UploadMode = z.infer<typeof UploadFormSchema>["mode"];
