import type { PickerRow } from "@/lib/classroom/index.ts";
import { AddToQuizForm } from "./add-to-quiz-form.tsx";
import type { AddFromDeckState } from "./builder-types.ts";
import { Markdown } from "./markdown.tsx";

interface Deck {
  id: string;
  path: string;
  _count: { cards: number };
}

type AddAction = (state: AddFromDeckState, data: FormData) => Promise<AddFromDeckState>;

function Row({ row, quizId, add }: { row: PickerRow; quizId: string; add: AddAction }) {
  const heading =
    row.kind === "scenario" ? (
      <>
        <p className="picker-title">
          <span className="badge">scenario</span> <strong>{row.title}</strong>
        </p>
        {row.problem ? (
          <p className="field-error">{row.problem}</p>
        ) : (
          <ol className="picker-questions" aria-label={`Questions of ${row.title}`}>
            {row.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        )}
      </>
    ) : (
      <Markdown text={row.front} />
    );
  const label = row.kind === "scenario" ? `scenario: ${row.title}` : `card ${row.front.split("\n")[0]!.slice(0, 60)}`;
  let tool;
  if (row.added) tool = <p className="muted picker-added">Already in this quiz.</p>;
  else if (row.kind === "card" && !row.askable)
    tool = <p className="muted">Cloze cards and cards without a back cannot be multiple choice.</p>;
  else if (row.kind === "scenario" && row.problem) tool = null;
  else tool = <AddToQuizForm action={add} quizId={quizId} cardId={row.cardId} kind={row.kind} label={label} />;
  return (
    <li className="panel" data-testid={row.kind === "scenario" ? "picker-scenario" : "picker-card"}>
      {heading}
      {tool}
    </li>
  );
}

/** Choose a deck (a plain GET form, so it works before any script loads), then add its cards and scenarios. */
export function DeckPicker({
  quizId,
  decks,
  chosen,
  rows,
  add,
}: {
  quizId: string;
  decks: Deck[];
  chosen: string | null;
  rows: PickerRow[] | null;
  add: AddAction;
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
      {rows ? (
        rows.length === 0 ? (
          <p className="muted">This deck has no active cards.</p>
        ) : (
          <ul className="card-list picker" aria-label="Deck cards and scenarios">
            {rows.map((row) => (
              <Row key={row.cardId} row={row} quizId={quizId} add={add} />
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
