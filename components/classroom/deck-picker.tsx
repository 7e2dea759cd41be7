import { canAskCard } from "@/lib/classroom/index.ts";
import { Markdown } from "./markdown.tsx";

interface Deck {
  id: string;
  path: string;
  _count: { cards: number };
}
interface Card {
  id: string;
  kind: string;
  front: string;
  back: string;
}

/** Choose a deck (a plain GET form, so it works before any script loads), then add its cards. */
export function DeckPicker({
  quizId,
  decks,
  chosen,
  cards,
  add,
  locked,
}: {
  quizId: string;
  decks: Deck[];
  chosen: string | null;
  cards: Card[] | null;
  add: (data: FormData) => Promise<void>;
  locked: boolean;
}) {
  return (
    <>
      <form method="get" className="inline-form">
        <label htmlFor="deck-choice">Deck</label>
        <select id="deck-choice" name="deck" defaultValue={chosen ?? ""}>
          <option value="">Choose a deck…</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.path} ({d._count.cards})
            </option>
          ))}
        </select>
        <button className="button small secondary" type="submit">
          Show cards
        </button>
      </form>
      {cards ? (
        <ul className="card-list picker" aria-label="Deck cards">
          {cards.map((c) => {
            const askable = c.kind === "scenario" || canAskCard(c);
            return (
              <li key={c.id} className="panel" data-testid="picker-card">
                {c.kind === "scenario" ? <p className="badge">scenario</p> : null}
                {c.kind === "scenario" ? <pre className="scenario-source">{c.front.slice(0, 400)}</pre> : <Markdown text={c.front} />}
                {askable && !locked ? (
                  <form action={add} className="inline-form">
                    <input type="hidden" name="quizId" value={quizId} />
                    <input type="hidden" name="cardId" value={c.id} />
                    <input type="hidden" name="kind" value={c.kind} />
                    {c.kind === "scenario" ? (
                      <label className="check">
                        <input type="checkbox" name="template" /> template
                      </label>
                    ) : null}
                    <button className="button small" type="submit">
                      Add
                    </button>
                  </form>
                ) : (
                  <p className="muted">{locked ? "" : "Cloze cards and cards without a back cannot be multiple choice."}</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
