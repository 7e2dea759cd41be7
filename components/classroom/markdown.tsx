import { renderCardMarkdown } from "@/lib/notes/index.ts";

/** Card Markdown rendered by lib/notes, which escapes raw HTML, so the result is safe to inject. */
export function Markdown({ text, className = "card-face" }: { text: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderCardMarkdown(text) }} />;
}
