"use client";
import Link from "next/link";
import { useRef, useState, type DragEvent, type ReactNode } from "react";
import { AnkiPackageSummary, ColumnMapping } from "./anki-parts.tsx";
import { ImportReviewList, type Selection } from "./import-review.tsx";
import type { ImportErrorResponse, ImportResponse, TextTablePreview } from "./import-types.ts";
import { counted } from "@/components/ui/counted.ts";
import { followUploadRun } from "@/components/upload-runs/follow-run.ts";

const EVERYTHING: Selection = { untickedKeys: new Set(), untickedFiles: new Set() };

type Phase =
  | { kind: "idle" }
  | { kind: "busy"; label: string }
  | { kind: "preview"; result: ImportResponse }
  | { kind: "done"; result: ImportResponse };

interface Picked {
  file: File;
  /** Path inside the chosen folder, or the file name. */
  path: string;
}

async function collectDropped(items: DataTransferItemList): Promise<Picked[]> {
  const picked: Picked[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      picked.push({ file, path: `${prefix}${entry.name}` });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns the folder in batches until an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  const entries = Array.from(items)
    .map((item) => item.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  for (const entry of entries) await walk(entry, "");
  return picked;
}

export function ImportForm() {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [selection, setSelection] = useState<Selection>(EVERYTHING);
  const [mapping, setMapping] = useState<TextTablePreview["mapping"] | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const choose = (list: FileList | null) => {
    if (!list) return;
    setPicked(Array.from(list).map((file) => ({ file, path: file.webkitRelativePath || file.name })));
    setPhase({ kind: "idle" });
    setError(null);
    setMapping(null);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    setPicked(await collectDropped(event.dataTransfer.items));
    setPhase({ kind: "idle" });
    setError(null);
    setMapping(null);
  };

  const send = async (mode: "preview" | "apply") => {
    setError(null);
    setPhase({ kind: "busy", label: mode === "preview" ? "Reading your notes…" : "Importing…" });
    const body = new FormData();
    body.set("mode", mode);
    for (const p of picked) {
      body.append("file", p.file);
      body.append("path", p.path);
    }
    for (const role of mapping ?? []) body.append("column", role);
    if (mode === "apply") {
      for (const key of selection.untickedKeys) body.append("untickedKey", key);
      for (const path of selection.untickedFiles) body.append("untickedFile", path);
    }
    let response: Response;
    try {
      // An import to apply runs as a job on the server; following it ends with the import's answer.
      response = await followUploadRun(await fetch("/api/import", { method: "POST", body }));
    } catch {
      setError(mode === "preview" ? "The upload could not be sent." : "The import could not be followed to its end; check your decks.");
      setPhase({ kind: "idle" });
      return;
    }
    const json = (await response.json().catch(() => ({ error: `The server answered ${response.status}.` }))) as
      ImportResponse | ImportErrorResponse;
    if (!response.ok || "error" in json) {
      setError("error" in json ? json.error : `The server answered ${response.status}.`);
      setPhase({ kind: "idle" });
      return;
    }
    if (mode === "preview") setSelection(EVERYTHING);
    if (mode === "preview" && json.table) setMapping(json.table.mapping);
    setPhase(mode === "preview" ? { kind: "preview", result: json } : { kind: "done", result: json });
  };

  const toggle = (which: keyof Selection, item: string, ticked: boolean) =>
    setSelection((current) => {
      const next = new Set(current[which]);
      if (ticked) next.delete(item);
      else next.add(item);
      return { ...current, [which]: next };
    });

  const busy = phase.kind === "busy";
  return (
    <div className="stack">
      <div
        className={`panel dropzone${dragging ? " dragging" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <strong>Drop notes here</strong>: markdown files, a folder (a Logseq graph or an Obsidian vault) or a .zip; or an Anki package
          (.apkg, .colpkg), Anki&apos;s plain-text export or a CSV file.
        </p>
        <div className="actions-row">
          <button className="button secondary" type="button" onClick={() => filesInput.current?.click()}>
            Choose files
          </button>
          <button className="button secondary" type="button" onClick={() => folderInput.current?.click()}>
            Choose a folder
          </button>
        </div>
        <input
          ref={filesInput}
          data-testid="import-files"
          type="file"
          multiple
          accept=".md,.markdown,.txt,.zip,.apkg,.colpkg,.csv,.tsv"
          hidden
          onChange={(e) => choose(e.target.files)}
        />
        <input ref={folderInput} type="file" hidden onChange={(e) => choose(e.target.files)} {...{ webkitdirectory: "" }} />
        {picked.length > 0 && (
          <p className="muted" data-testid="picked">
            {counted(picked.length, "file", "files")} chosen:{" "}
            {picked
              .slice(0, 3)
              .map((p) => p.path)
              .join(", ")}
            {picked.length > 3 ? "…" : ""}
          </p>
        )}
        <button className="button" type="button" disabled={picked.length === 0 || busy} onClick={() => send("preview")}>
          Preview import
        </button>
      </div>

      <div aria-live="polite">
        {busy && <p role="status">{phase.label}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>

      {phase.kind === "preview" && (
        <ImportSummary result={phase.result}>
          {phase.result.table && mapping && (
            <ColumnMapping table={phase.result.table} mapping={mapping} onChange={setMapping} onApply={() => send("preview")} />
          )}
          {phase.result.review && (
            <ImportReviewList
              review={phase.result.review}
              selection={selection}
              onToggleCard={(key, ticked) => toggle("untickedKeys", key, ticked)}
              onToggleFile={(path, ticked) => toggle("untickedFiles", path, ticked)}
            />
          )}
        </ImportSummary>
      )}
      {phase.kind === "done" && <ImportSummary result={phase.result} />}
      {phase.kind === "preview" && <Confirm result={phase.result} selection={selection} onConfirm={() => send("apply")} />}
      {phase.kind === "done" && (
        <Link className="button secondary" href="/decks">
          Go to your decks
        </Link>
      )}
    </div>
  );
}

/** The cards confirming would create or update, with the learner's selection taken out. */
function cardsToImport(result: ImportResponse, selection: Selection): number {
  if (!result.review) return result.counts.created + result.counts.updated;
  let cards = 0;
  for (const file of result.review.files) {
    if (selection.untickedFiles.has(file.path)) continue;
    cards += file.counts.create + file.counts.update;
    for (const card of file.cards) {
      if ((card.action === "create" || card.action === "update") && selection.untickedKeys.has(card.key)) cards -= 1;
    }
  }
  return cards;
}

function Confirm({ result, selection, onConfirm }: { result: ImportResponse; selection: Selection; onConfirm: () => void }) {
  const files = result.review?.files ?? [];
  const notesOut = files.filter((f) => selection.untickedFiles.has(f.path)).length;
  const cardsOut = files
    .filter((f) => !selection.untickedFiles.has(f.path))
    .reduce((n, f) => n + f.cards.filter((c) => selection.untickedKeys.has(c.key)).length, 0);
  const nothing = files.length > 0 && notesOut === files.length;
  const cards = cardsToImport(result, selection);
  return (
    <div className="import-confirm">
      {/* Always there, so a screen reader hears each change of the learner's choice. */}
      <p aria-live="polite" data-testid="left-out">
        {notesOut > 0 || cardsOut > 0 ? `Leaving out ${counted(notesOut, "note", "notes")} and ${counted(cardsOut, "card", "cards")}.` : ""}
      </p>
      <button className="button" type="button" disabled={nothing} onClick={onConfirm}>
        {nothing ? "Nothing ticked to import" : `Import ${counted(cards, "card", "cards")}`}
      </button>
    </div>
  );
}

function ImportSummary({ result, children }: { result: ImportResponse; children?: ReactNode }) {
  const { counts } = result;
  const notImported = result.problems.length + result.unlistedProblems;
  return (
    <section className="panel" aria-label={result.applied ? "Import result" : "Import preview"} data-testid="import-summary">
      <h2>{result.applied ? "Imported" : "Preview"}</h2>
      <p>
        {counted(result.files, "note", "notes")}: <strong>{counts.created}</strong> new {counts.created === 1 ? "card" : "cards"},{" "}
        <strong>{counts.updated}</strong> updated, <strong>{counts.suspended}</strong> suspended, {counts.unchanged} unchanged, in{" "}
        {counted(result.decks.length, "deck", "decks")}.
      </p>
      {result.anki && <AnkiPackageSummary anki={result.anki} applied={result.applied} />}
      {result.starterRepeats && <StarterRepeatsNotice repeats={result.starterRepeats} />}
      {result.problems.length > 0 && (
        <div className="form-error" role="alert">
          <p>
            <strong>{counted(notImported, "file was", "files were")} not imported:</strong>
          </p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.file}
                {p.line ? `, line ${p.line}` : ""}: {p.message}
              </li>
            ))}
          </ul>
          {result.unlistedProblems > 0 && <p>and {result.unlistedProblems} more.</p>}
        </div>
      )}
      {result.keptEdits.length > 0 && (
        <div data-testid="kept-edits">
          <p>
            {counts.keptEdits ?? result.keptEdits.length} {(counts.keptEdits ?? result.keptEdits.length) === 1 ? "card" : "cards"} you
            edited in the app {result.applied ? "kept" : "will keep"} your text, though the note changed too:
          </p>
          <ul>
            {result.keptEdits.map((card, i) => (
              <li key={i}>
                {card.deckPath}: {card.front}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.leftOut && result.leftOut.files + result.leftOut.cards > 0 && (
        <p data-testid="left-out-done">
          Left out as you chose: {counted(result.leftOut.files, "note", "notes")} and {result.leftOut.cards}{" "}
          {result.leftOut.cards === 1 ? "card" : "cards"}; what you already had of them is unchanged.
        </p>
      )}
      {children}
    </section>
  );
}

/** The upload repeats what every learner already has in the starter decks: said, not refused. */
function StarterRepeatsNotice({ repeats }: { repeats: NonNullable<ImportResponse["starterRepeats"]> }) {
  return (
    <p className="import-starter-notice" data-testid="starter-repeats">
      <strong>Already in the starter decks:</strong>{" "}
      {repeats.decks.length > 0 && (
        <>
          {repeats.decks.length === 1 ? "the deck" : "the decks"} {repeats.decks.map((d) => `“${d}”`).join(", ")}{" "}
          {repeats.decks.length === 1 ? "has" : "have"} a starter deck&apos;s name
          {repeats.cards > 0 ? "; " : ". "}
        </>
      )}
      {repeats.cards > 0 && <>{counted(repeats.cards, "card has", "cards have")} the same front and back as a starter card. </>}
      {repeats.cards > 0
        ? "You study the starter decks already, so these cards would come up twice."
        : "Your cards go in a deck of your own, next to the starter deck."}
    </p>
  );
}
