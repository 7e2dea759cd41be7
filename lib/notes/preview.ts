// importPreview: what an import would create, before anything is written. Used by the CLI's
// --dry-run, the web upload's preview, and the database import, so all three agree.

import { extractNote } from "./extract/cards.ts";
import { disambiguate } from "./extract/keys.ts";
import { findProperty } from "./parse/properties.ts";
import { oneLine } from "./inline/text.ts";
import { parseNote } from "./parse/note.ts";
import { DEFAULT_SR_SETTINGS, isPluginSettingsPath, readSrSettings, settingsRoot, type SrSettings } from "./input/plugin-settings.ts";
import type { ItemNode, NoteNode, ParsedNote } from "./tree.ts";
import type { CardDraft, ImportProblem, NoteFile, SkippedBlock } from "./types.ts";

export interface PreviewOptions {
  /** Put every card under this deck (prefixed to each note's own deck path). */
  deck?: string;
}

export interface DeckSummary {
  path: string[];
  /** The path joined with " › ", as shown to people. */
  name: string;
  cards: number;
}

export interface ImportPreview {
  drafts: CardDraft[];
  decks: DeckSummary[];
  /** Files that were not imported at all, with the reason. */
  problems: ImportProblem[];
  /** Worth telling, but the file was imported: an unclosed code fence, a #card with no answer. */
  notices: ImportProblem[];
  /** Blocks that looked like cards but were not made into one, each with its file, line and reason. */
  skippedBlocks: SkippedBlock[];
  /** Number of notes read. */
  notes: number;
  /** Paths whose cards are all in `drafts`: an import may suspend the missing cards of these files, and only these. */
  importedFiles: string[];
}

/**
 * Joins a deck path's names into one line. The same text is what people read and what a Deck row
 * stores as its path (lib/db), so the upload preview names a deck exactly as the stored deck will.
 */
export const DECK_SEPARATOR = " › ";

export function importPreview(files: readonly NoteFile[], options: PreviewOptions = {}): ImportPreview {
  const problems: ImportProblem[] = [];
  const notices: ImportProblem[] = [];
  const skippedBlocks: SkippedBlock[] = [];
  const parsed: Array<{ note: ParsedNote; sr: SrSettings }> = [];
  const seenPaths = new Set<string>();
  const settings = vaultSettings(files, problems);
  for (const file of files) {
    if (isPluginSettingsPath(file.path)) continue;
    if (seenPaths.has(file.path)) {
      problems.push({ file: file.path, message: "the same path was given twice; the second copy was not imported" });
      continue;
    }
    seenPaths.add(file.path);
    try {
      const sr = settingsFor(file.path, settings);
      const note = parseNote(file, { multiline: { basic: sr.multiline, reversed: sr.multilineReversed, inline: sr.inline } });
      parsed.push({ note, sr });
    } catch (error) {
      problems.push({ file: file.path, message: `could not be read as a note: ${(error as Error).message}` });
    }
  }

  // Logseq ((block references)) may point into another page of the same graph.
  const blocks = new Map<string, string>();
  for (const { note } of parsed) collectBlockIds(note.nodes, blocks);

  const drafts: CardDraft[] = [];
  const importedFiles: string[] = [];
  const seenKeys = new Map<string, number>();
  for (const { note, sr } of parsed) {
    try {
      const result = extractNote(note, {
        ...(options.deck ? { deck: options.deck } : {}),
        spacedRepetition: sr,
        resolveBlockRef: (id) => blocks.get(id),
      });
      notices.push(...result.notices);
      skippedBlocks.push(...result.skipped);
      for (const draft of result.drafts) {
        if (seenKeys.has(draft.key)) {
          notices.push({
            file: draft.source.file,
            line: draft.source.line,
            message: `"${oneLine(draft.front)}" has the same identity as a card in another file (a Logseq id:: used twice); it was given its own`,
          });
        }
      }
      drafts.push(...disambiguate(result.drafts, seenKeys));
      importedFiles.push(note.path);
    } catch (error) {
      problems.push({ file: note.path, message: `cards could not be extracted: ${(error as Error).message}` });
    }
  }
  return { drafts, decks: summariseDecks(drafts), problems, notices, skippedBlocks, notes: parsed.length, importedFiles };
}

/** Each vault's SR plugin settings, by the folder they apply to. */
function vaultSettings(files: readonly NoteFile[], problems: ImportProblem[]): Map<string, SrSettings> {
  const settings = new Map<string, SrSettings>();
  for (const file of files) {
    if (!isPluginSettingsPath(file.path)) continue;
    const read = readSrSettings(file.path, file.text);
    if (read.ok) settings.set(settingsRoot(file.path), read.settings);
    else problems.push(read.problem);
  }
  return settings;
}

/** The settings of the innermost vault holding the note, else the plugin's defaults. */
function settingsFor(path: string, settings: ReadonlyMap<string, SrSettings>): SrSettings {
  let best: { root: string; settings: SrSettings } | undefined;
  for (const [root, value] of settings) {
    if (path.startsWith(root) && (!best || root.length > best.root.length)) best = { root, settings: value };
  }
  return best?.settings ?? DEFAULT_SR_SETTINGS;
}

function collectBlockIds(nodes: readonly NoteNode[], into: Map<string, string>): void {
  for (const node of nodes) {
    if (node.type === "heading") collectBlockIds(node.children, into);
    if (node.type !== "item") continue;
    const item: ItemNode = node;
    const id = findProperty(item.properties, "id")?.value;
    if (id && item.text) into.set(id.toLowerCase(), item.text);
    collectBlockIds(item.children, into);
  }
}

export function summariseDecks(drafts: readonly CardDraft[]): DeckSummary[] {
  const decks = new Map<string, DeckSummary>();
  for (const draft of drafts) {
    const name = draft.deckPath.join(DECK_SEPARATOR);
    const deck = decks.get(name);
    if (deck) deck.cards += 1;
    else decks.set(name, { path: [...draft.deckPath], name, cards: 1 });
  }
  // Case-insensitive so "iam" and "STS" sort the way people read them; code points break ties.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...decks.values()].sort((a, b) => order(a.name.toLowerCase(), b.name.toLowerCase()) || order(a.name, b.name));
}
