"use client";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import type { ImportErrorResponse, ImportResponse } from "./import-types.ts";

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
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const choose = (list: FileList | null) => {
    if (!list) return;
    setPicked(Array.from(list).map((file) => ({ file, path: file.webkitRelativePath || file.name })));
    setPhase({ kind: "idle" });
    setError(null);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    setPicked(await collectDropped(event.dataTransfer.items));
    setPhase({ kind: "idle" });
    setError(null);
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
    const response = await fetch("/api/import", { method: "POST", body });
    const json = (await response.json().catch(() => ({ error: `The server answered ${response.status}.` }))) as
      ImportResponse | ImportErrorResponse;
    if (!response.ok || "error" in json) {
      setError("error" in json ? json.error : `The server answered ${response.status}.`);
      setPhase({ kind: "idle" });
      return;
    }
    setPhase(mode === "preview" ? { kind: "preview", result: json } : { kind: "done", result: json });
  };

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
          <strong>Drop notes here</strong>: markdown files, a folder (a Logseq graph or an Obsidian vault) or a .zip.
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
          accept=".md,.markdown,.txt,.zip"
          hidden
          onChange={(e) => choose(e.target.files)}
        />
        <input ref={folderInput} type="file" hidden onChange={(e) => choose(e.target.files)} {...{ webkitdirectory: "" }} />
        {picked.length > 0 && (
          <p className="muted" data-testid="picked">
            {picked.length} {picked.length === 1 ? "file" : "files"} chosen:{" "}
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

      {(phase.kind === "preview" || phase.kind === "done") && <ImportSummary result={phase.result} />}
      {phase.kind === "preview" && (
        <button className="button" type="button" onClick={() => send("apply")}>
          Import {phase.result.counts.created + phase.result.counts.updated} cards
        </button>
      )}
      {phase.kind === "done" && (
        <Link className="button secondary" href="/decks">
          Go to your decks
        </Link>
      )}
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResponse }) {
  const { counts } = result;
  return (
    <section className="panel" aria-label={result.applied ? "Import result" : "Import preview"} data-testid="import-summary">
      <h2>{result.applied ? "Imported" : "Preview"}</h2>
      <p>
        {result.files} {result.files === 1 ? "note" : "notes"}: <strong>{counts.created}</strong> new cards,{" "}
        <strong>{counts.updated}</strong> updated, <strong>{counts.suspended}</strong> suspended, {counts.unchanged} unchanged, in{" "}
        {result.decks.length} {result.decks.length === 1 ? "deck" : "decks"}.
      </p>
      {result.problems.length > 0 && (
        <div className="form-error" role="alert">
          <p>
            <strong>
              {result.problems.length} {result.problems.length === 1 ? "file was" : "files were"} not imported:
            </strong>
          </p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.file}
                {p.line ? `, line ${p.line}` : ""}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!result.applied && (
        <>
          <SampleList title="New cards" items={result.samples.create.map((c) => `${c.deckPath}: ${c.front}`)} />
          <SampleList title="Updated cards" items={result.samples.update.map((c) => `${c.deckPath}: ${c.front}`)} />
          <SampleList title="Cards to suspend (their block is gone; history is kept)" items={result.samples.suspend.map((c) => c.front)} />
        </>
      )}
    </section>
  );
}

function SampleList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({items.length}
        {items.length >= 50 ? "+" : ""})
      </summary>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}
