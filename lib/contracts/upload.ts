// The import page's multipart upload to POST /api/import: form fields `mode`, then one `file` and
// one `path` per chosen file, in the same order. Confirming a preview (mode=apply) also sends one
// `untickedKey` per card and one `untickedFile` per note the learner left out.
import { z } from "zod";

/** The compressed upload may be at most this large; what it expands to has its own budget (lib/notes). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20_000;
/** The preview lists at most this many cards (lib/db/web-import.ts), so no more can be unticked. */
export const MAX_UNTICKED_CARDS = 10_000;
/** A card key is a 16-hex hash or a Logseq `id:<uuid>`, with `#cN` and `~N` suffixes: far below this. */
const MAX_KEY_CHARS = 200;
const MAX_PATH_CHARS = 1024;

export const UploadFormSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  files: z
    .array(z.instanceof(File))
    .min(1, { error: "Choose at least one file." })
    .max(MAX_UPLOAD_FILES, { error: `At most ${MAX_UPLOAD_FILES} files at once.` }),
  paths: z.array(z.string().max(MAX_PATH_CHARS)),
  untickedKeys: z
    .array(z.string().min(1).max(MAX_KEY_CHARS))
    .max(MAX_UNTICKED_CARDS, { error: `At most ${MAX_UNTICKED_CARDS} cards can be left out at once.` }),
  untickedFiles: z
    .array(z.string().min(1).max(MAX_PATH_CHARS))
    .max(MAX_UPLOAD_FILES, { error: `At most ${MAX_UPLOAD_FILES} notes can be left out at once.` }),
});
export type UploadMode = z.infer<typeof UploadFormSchema>["mode"];
