/** Files the Anki importer takes: packages by extension (plain-text exports are told by their header). */
export function isAnkiPackageName(name: string): boolean {
  return /\.(apkg|colpkg)$/i.test(name);
}
