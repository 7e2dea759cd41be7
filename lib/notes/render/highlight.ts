// highlight.js core with only the languages IAM notes use (policies, SDK and CLI snippets,
// CloudFormation), so rendering a card face loads a fraction of the library. Unlabelled fences that look like JSON are
// highlighted as JSON: most unlabelled code in IAM notes is a policy document.

import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import shell from "highlight.js/lib/languages/shell";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";

hljs.registerLanguage("json", json);
hljs.registerLanguage("python", python);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("shell", shell);
hljs.registerLanguage("yaml", yaml);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("typescript", typescript);

const ALIASES: Record<string, string> = {
  json: "json",
  jsonc: "json",
  json5: "json",
  python: "python",
  py: "python",
  python3: "python",
  bash: "bash",
  sh: "bash",
  zsh: "bash",
  // People label scripts "shell"; highlight.js's shell grammar is for `$ ` prompt transcripts.
  shell: "bash",
  console: "shell",
  shellsession: "shell",
  yaml: "yaml",
  yml: "yaml",
  javascript: "javascript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  typescript: "typescript",
  ts: "typescript",
  tsx: "typescript",
};

export function languageFor(info: string, code: string): string | undefined {
  const word = info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (word) return ALIASES[word];
  const start = code.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return "json";
  if (start.startsWith("#!/")) return "bash";
  return undefined;
}

/** Highlighted HTML (escaped by highlight.js) or undefined when the language is not bundled. */
export function highlightCode(code: string, info: string): { html: string; language: string } | undefined {
  const language = languageFor(info, code);
  if (!language) return undefined;
  try {
    return { html: hljs.highlight(code, { language, ignoreIllegals: true }).value, language };
  } catch {
    return undefined;
  }
}
