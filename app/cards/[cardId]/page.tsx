import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/index.ts";
import { findCardForLearner } from "@/lib/db/index.ts";
import { loadSchedulerSettings } from "@/lib/db/review/index.ts";
import { renderStoredCardFacesOnServer } from "@/lib/card-faces/server.ts";
import { CardStateCode, RATING_NAMES, isRating, retrievability, settingsForDeck } from "@/lib/srs/index.ts";

export const metadata = { title: "Card info" };

const STATE_NAMES = ["New", "Learning", "Review", "Relearning"];

interface Props {
  params: Promise<{ cardId: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}

export default async function CardInfoPage({ params, searchParams }: Props) {
  const { cardId } = await params;
  const { saved } = await searchParams;
  const user = await requireUser(`/cards/${cardId}`);
  const found = await findCardForLearner(user, cardId);
  if (!found) notFound();
  const { card, state, history, editable } = found;
  const settings = settingsForDeck(await loadSchedulerSettings(user.id), card.deck.id);
  const now = new Date();
  const studied = state && state.state !== CardStateCode.New ? state : null;
  const recall = studied ? retrievability(studied, now, settings) : null;
  const faces = await renderStoredCardFacesOnServer(card, now, user.timeZone);
  const date = (d: Date) => d.toLocaleString("en-GB", { timeZone: user.timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p className="muted">
        <Link href={`/decks/${card.deck.id}`}>{card.deck.path}</Link>
      </p>
      <h1>Card info</h1>
      {saved === "1" && editable && (
        <p className="saved-note" role="status" data-testid="card-saved">
          Card saved. <Link href={`/cards/${cardId}/edit`}>Edit again</Link>
        </p>
      )}
      {/* The face's own headings (a scenario's "Accounts", say) start at h3: under this h2, in order. */}
      <h2>Front</h2>
      <div className="panel card-face" dangerouslySetInnerHTML={{ __html: faces.frontHtml }} />
      <dl className="facts panel">
        <dt>State</dt>
        <dd>
          {STATE_NAMES[studied?.state ?? 0]}
          {state?.suspended ? " (suspended)" : ""}
        </dd>
        <dt>Due</dt>
        <dd>{studied ? date(studied.due) : "not studied yet"}</dd>
        <dt>Retrievability now</dt>
        <dd data-testid="retrievability">{recall === null ? "—" : `${(recall * 100).toFixed(1)}%`}</dd>
        <dt>Stability</dt>
        <dd>{studied ? `${studied.stability.toFixed(2)} days` : "—"}</dd>
        <dt>Difficulty</dt>
        <dd>{studied ? studied.difficulty.toFixed(2) : "—"}</dd>
        <dt>Reviews / lapses</dt>
        <dd>{studied ? `${studied.reps} / ${studied.lapses}` : "0 / 0"}</dd>
        <dt>Source</dt>
        <dd>
          {card.sourceFile}, line {card.sourceLine}
        </dd>
      </dl>
      <h2>History</h2>
      {history.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <div className="table-wrap" role="region" tabIndex={0} aria-label="Review history">
          <table className="history" data-testid="history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Grade</th>
                <th scope="col">Interval</th>
                <th scope="col">Time taken</th>
              </tr>
            </thead>
            <tbody>
              {history.map((log) => (
                <tr key={log.id}>
                  <td>{date(log.review)}</td>
                  <td>{isRating(log.rating) ? RATING_NAMES[log.rating] : log.rating}</td>
                  <td>{log.scheduledDays} d</td>
                  <td>{(log.durationMs / 1000).toFixed(1)} s</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions-row" style={{ justifyContent: "flex-start", marginTop: "1rem" }}>
        {editable && (
          <Link className="button secondary" href={`/cards/${card.id}/edit`}>
            Edit card
          </Link>
        )}
        <Link className="button secondary" href="/review">
          Back to review
        </Link>
      </p>
    </>
  );
}
