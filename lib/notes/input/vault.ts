// Which files of a folder or archive are notes. Shared by the zip reader and the CLI's folder walk
// so both treat Logseq graphs and Obsidian vaults alike:
//  - hidden files and folders are skipped (.obsidian/, .trash/, .git/, .DS_Store), as is __MACOSX/,
//    except the Spaced Repetition plugin's settings, which are read with the notes (plugin-settings.ts);
//  - in a Logseq graph (a folder holding pages/, journals/ or logseq/config.edn) the logseq/
//    folder (config, backups under logseq/bak/) and assets/ are skipped: pages/ and journals/ count;
//  - other non-note files (images, PDFs, .edn) are skipped quietly; .org pages are reported.

import type { ImportProblem } from "../types.ts";
import { extensionOf, isNoteExtension, unsupportedReason } from "./bytes.ts";
import { isPluginSettingsPath } from "./plugin-settings.ts";

export interface SkippedPath {
  path: string;
  reason: string;
}

export type PathRole = "note" | "archive" | "skip" | "unsupported";

export interface VaultPlan {
  notes: string[];
  archives: string[];
  skipped: SkippedPath[];
  problems: ImportProblem[];
}

function logseqRoots(paths: readonly string[]): Set<string> {
  const roots = new Set<string>();
  for (const path of paths) {
    const m = /^(.*?)(?:^|\/)(?:pages|journals)\/[^/]+$|^(.*?)(?:^|\/)logseq\/config\.edn$/.exec(path);
    if (m) roots.add(m[1] ?? m[2] ?? "");
  }
  return roots;
}

function skipReason(path: string, roots: ReadonlySet<string>): string | undefined {
  const segments = path.split("/");
  if (segments.includes("__MACOSX")) return "macOS metadata";
  if (segments.some((s) => s.startsWith("."))) return "hidden file or folder";
  for (let i = 0; i < segments.length - 1; i += 1) {
    const dir = segments[i];
    if (dir !== "logseq" && dir !== "assets") continue;
    if (roots.has(segments.slice(0, i).join("/"))) return dir === "logseq" ? "Logseq configuration" : "Logseq assets";
  }
  return undefined;
}

export function planVault(paths: readonly string[], options: { archives?: boolean } = {}): VaultPlan {
  const plan: VaultPlan = { notes: [], archives: [], skipped: [], problems: [] };
  const roots = logseqRoots(paths);
  for (const path of paths) {
    const reason = isPluginSettingsPath(path) ? undefined : skipReason(path, roots);
    if (isPluginSettingsPath(path)) {
      plan.notes.push(path);
    } else if (reason) {
      plan.skipped.push({ path, reason });
    } else if (isNoteExtension(path)) {
      plan.notes.push(path);
    } else if (extensionOf(path) === ".zip") {
      if (options.archives) plan.archives.push(path);
      else plan.skipped.push({ path, reason: "archive inside an archive is not expanded" });
    } else if (extensionOf(path) === ".org") {
      plan.problems.push({ file: path, message: unsupportedReason(path) });
    } else {
      plan.skipped.push({ path, reason: "not a note" });
    }
  }
  return plan;
}

/**
 * Zipping a folder, or choosing one in a browser, wraps every path in that folder's name. Dropping
 * a single shared top folder gives the same note paths (and so the same card keys) as importing the
 * folder itself from the command line. Returns stripped path -> original path.
 */
export function stripWrapperFolder(paths: readonly string[]): Map<string, string> {
  const first = paths[0]?.split("/")[0];
  // pages/ and journals/ are part of a Logseq graph's layout, not a wrapper folder.
  const wrapper = first !== undefined && first !== "pages" && first !== "journals";
  const shared = wrapper && paths.every((p) => p.startsWith(`${first}/`)) ? `${first}/` : "";
  return new Map(paths.map((p) => [p.slice(shared.length), p]));
}

/** Where the notes of an archive go: a top-level archive's at the root, a nested one's under its name. */
export function archivePrefix(archivePath: string): string {
  return archivePath.includes("/") ? `${archivePath.replace(/\.zip$/i, "")}/` : "";
}
