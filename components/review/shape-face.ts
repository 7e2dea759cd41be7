// Reorders and folds a card's rendered HTML for a small screen, in the browser (the server renders
// the faces; lib/card-faces stays as it is):
//   - a scenario's question (and its options) goes first, the world it is asked about after;
//   - on the back, the verdict ("Answer: ...") stays on top and the long parts (the policies with
//     their deciding statement, "Why") fold under <details>, open on wide screens;
//   - every code box can be reached and scrolled by keyboard, with a name for screen readers.

export interface ShapedFaces {
  front: string;
  back: string;
}

function parse(html: string): HTMLTemplateElement {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template;
}

function startsWithStrong(element: Element, prefix: string): boolean {
  const first = element.firstElementChild;
  return element.tagName === "P" && first?.tagName === "STRONG" && (first.textContent ?? "").startsWith(prefix);
}

function labelCodeBoxes(root: DocumentFragment, face: string): void {
  let n = 0;
  for (const pre of root.querySelectorAll("pre")) {
    n++;
    pre.setAttribute("tabindex", "0");
    pre.setAttribute("role", "region");
    const json = pre.querySelector("code.language-json, code.hljs.language-json");
    // Named per face: the question and the answer may show the same policy, and landmarks must differ.
    pre.setAttribute("aria-label", `${face} ${json ? "policy" : "code"} ${n}`);
  }
}

function questionFirst(root: DocumentFragment): void {
  const children = [...root.children];
  const question = children.find((el) => startsWithStrong(el, "Question"));
  if (!question) return;
  const options = question.nextElementSibling && /^(UL|OL)$/.test(question.nextElementSibling.tagName) ? question.nextElementSibling : null;
  const title = children[0]?.tagName.match(/^H\d$/) ? children[0] : null;
  const block = document.createElement("div");
  block.className = "scenario-question";
  block.append(question, ...(options ? [options] : []));
  if (title) title.after(block);
  else root.prepend(block);
  const world = document.createElement("div");
  world.className = "scenario-world";
  let next = block.nextSibling;
  while (next) {
    const current = next;
    next = next.nextSibling;
    world.append(current);
  }
  if (world.childNodes.length) {
    const heading = document.createElement("p");
    heading.className = "scenario-world-label";
    heading.textContent = "The situation";
    block.after(heading, world);
  }
}

function fold(summary: string, nodes: Element[], open: boolean): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "fold";
  if (open) details.open = true;
  const title = document.createElement("summary");
  title.textContent = summary;
  details.append(title, ...nodes);
  return details;
}

function foldBack(root: DocumentFragment, wide: boolean): void {
  const children = [...root.children];
  const policies: Element[] = [];
  let why: Element[] = [];
  for (let i = 0; i < children.length; i++) {
    const el = children[i]!;
    if (el.tagName === "PRE" || (el.tagName === "P" && (el.textContent ?? "").startsWith("Deciding statement:"))) policies.push(el);
    else if (startsWithStrong(el, "Why")) {
      why = [el];
      const list = children[i + 1];
      if (list && /^(UL|OL)$/.test(list.tagName)) {
        why.push(list);
        i++;
      }
      el.remove();
    }
  }
  if (policies.length) {
    const anchor = policies[0]!;
    const details = fold(policies.length > 2 ? "Policies and deciding statements" : "Policy and deciding statement", [], wide);
    anchor.before(details);
    details.append(...policies);
  }
  if (why.length) {
    const list = why.slice(1);
    root.append(fold("Why", list.length ? list : why, wide));
  }
}

/** Headings of a face start at `top` (the page has its h1, the answer its h2), keeping their order. */
function levelHeadings(root: DocumentFragment, top: number): void {
  const headings = [...root.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  if (headings.length === 0) return;
  const highest = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.tagName[1]) - highest + top);
    if (level === Number(heading.tagName[1])) continue;
    const replacement = document.createElement(`h${level}`);
    for (const attribute of heading.attributes) replacement.setAttribute(attribute.name, attribute.value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}

/** The faces ready for the review screen; `wide` opens the folded parts. */
function shapeFaces(kind: string, frontHtml: string, backHtml: string, wide: boolean): ShapedFaces {
  const front = parse(frontHtml);
  const back = parse(backHtml);
  if (kind === "scenario") {
    questionFirst(front.content);
    foldBack(back.content, wide);
  } else if (back.content.querySelector("pre") && !wide) {
    const boxes = [...back.content.querySelectorAll(":scope > pre")];
    if (boxes.length > 1) {
      const details = fold("Code", [], false);
      boxes[0]!.before(details);
      details.append(...boxes);
    }
  }
  labelCodeBoxes(front.content, "Question");
  labelCodeBoxes(back.content, "Answer");
  levelHeadings(front.content, 2);
  levelHeadings(back.content, 3);
  return { front: front.innerHTML, back: back.innerHTML };
}

interface FacesOf {
  cardId: string;
  kind: string;
  frontHtml: string;
  backHtml: string;
}

/** Cards shaped lately: the one on screen, the next one (shaped ahead, while the learner reads), a few undone. */
const recent = new Map<string, { card: FacesOf; faces: ShapedFaces }>();
const RECENT_CARDS = 8;

/**
 * The shaped faces of a card, from the cache when the same card with the same faces was shaped
 * before: the screen shapes the next card while the learner reads this one, so a grade only swaps.
 */
export function facesFor(card: FacesOf, wide: boolean): ShapedFaces {
  const key = `${wide ? "wide" : "narrow"}:${card.cardId}`;
  const hit = recent.get(key);
  if (hit && hit.card.kind === card.kind && hit.card.frontHtml === card.frontHtml && hit.card.backHtml === card.backHtml) {
    return hit.faces;
  }
  const faces = shapeFaces(card.kind, card.frontHtml, card.backHtml, wide);
  recent.delete(key);
  recent.set(key, { card, faces });
  if (recent.size > RECENT_CARDS) recent.delete(recent.keys().next().value!);
  return faces;
}
