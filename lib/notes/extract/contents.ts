// A table of contents (a list whose items are links into the same page or vault) restates the
// headings; it makes no cards.

import type { ItemNode } from "../tree.ts";

const IN_PAGE_LINK = /^\s*(?:\[[^\]\n]+\]\((?:#[^)\s]*|[^)\s]*\.md(?:#[^)\s]*)?)\)|\[\[[^\]\n]+\]\])\s*$/;

function isLinkItem(item: ItemNode): boolean {
  return IN_PAGE_LINK.test(item.text) && item.body.length === 0 && item.children.every(isLinkItem);
}

export function isTableOfContents(item: ItemNode): boolean {
  return isLinkItem(item) && /\]\(#|\.md#?|\[\[/.test(item.text);
}
