// The Obsidian Spaced Repetition plugin lets each vault choose its card separators (`;;` instead
// of `::`) and which markups are clozes; a vault that changed them writes its notes that way. The
// plugin keeps those settings in `.obsidian/plugins/obsidian-spaced-repetition/data.json`, so that
// one file of the otherwise skipped `.obsidian/` folder is read, and applies to the notes of its
// vault. https://github.com/st3v3nmw/obsidian-spaced-repetition, docs/en/user-options.md

import type { ClozeStyles } from "../inline/cloze.ts";
import type { ImportProblem } from "../types.ts";

const SETTINGS_FILE = /(?:^|\/)\.obsidian\/plugins\/obsidian-spaced-repetition\/data\.json$/;

/** Plugin settings are small; anything bigger is not one. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

export interface SrSettings {
  inline: string;
  inlineReversed: string;
  multiline: string;
  multilineReversed: string;
  cloze: ClozeStyles;
}

/** The plugin's defaults, used for every note of a vault without a settings file. */
export const DEFAULT_SR_SETTINGS: SrSettings = {
  inline: "::",
  inlineReversed: ":::",
  multiline: "?",
  multilineReversed: "??",
  cloze: { highlight: true, bold: false, curly: false },
};

export function isPluginSettingsPath(path: string): boolean {
  return SETTINGS_FILE.test(path);
}

/** The folder whose notes the settings file applies to ("" for the import's root). */
export function settingsRoot(path: string): string {
  return path.replace(/\.obsidian\/plugins\/obsidian-spaced-repetition\/data\.json$/, "");
}

export type SettingsRead = { ok: true; settings: SrSettings } | { ok: false; problem: ImportProblem };

export function readSrSettings(path: string, text: string): SettingsRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: { file: path, message: "the Spaced Repetition plugin's settings are not valid JSON; its defaults were used" },
    };
  }
  const root = isRecord(parsed) ? parsed : {};
  const raw = isRecord(root.settings) ? root.settings : root;
  const separator = (key: string, fallback: string): string => {
    const value = raw[key];
    // A separator is a short run of punctuation; anything else would split ordinary sentences.
    return typeof value === "string" && /^[^\s\w]{1,5}$/.test(value.trim()) ? value.trim() : fallback;
  };
  const flag = (key: string, fallback: boolean): boolean => (typeof raw[key] === "boolean" ? (raw[key] as boolean) : fallback);
  return {
    ok: true,
    settings: {
      inline: separator("singleLineCardSeparator", DEFAULT_SR_SETTINGS.inline),
      inlineReversed: separator("singleLineReversedCardSeparator", DEFAULT_SR_SETTINGS.inlineReversed),
      multiline: separator("multilineCardSeparator", DEFAULT_SR_SETTINGS.multiline),
      multilineReversed: separator("multilineReversedCardSeparator", DEFAULT_SR_SETTINGS.multilineReversed),
      cloze: {
        highlight: flag("convertHighlightsToClozes", true),
        bold: flag("convertBoldTextToClozes", false),
        curly: flag("convertCurlyBracketsToClozes", false),
      },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
