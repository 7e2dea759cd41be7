"use client";
// The parts of the import preview that only Anki uploads have: what a package brings besides its
// cards (reviews, images, what was skipped), and the column mapping of a plain-text or CSV table.
import type { AnkiSummary } from "@/lib/db/index.ts";
import { counted } from "@/components/ui/counted.ts";
import type { TextTablePreview } from "./import-types.ts";

export function AnkiPackageSummary({ anki, applied }: { anki: AnkiSummary; applied: boolean }) {
  return (
    <div data-testid="anki-summary">
      <p>
        From Anki: {counted(anki.notes, "note", "notes")}, {counted(anki.cards, "card", "cards")},{" "}
        {counted(anki.reviews, "review", "reviews")} ({anki.newReviews} {applied ? "added" : "new"}),{" "}
        {counted(anki.media, "image", "images")}.
      </p>
      {(anki.skippedReviews > 0 || anki.skippedCards > 0 || anki.missingMedia > 0) && (
        <p className="muted">
          Skipped: {counted(anki.skippedReviews, "manual or rescheduling entry", "manual or rescheduling entries")} of the review log,{" "}
          {counted(anki.skippedCards, "card", "cards")} without a question, {counted(anki.missingMedia, "media file", "media files")} not in
          the package or not an image.
        </p>
      )}
      {anki.memory.compared > 0 && (
        <p className="muted">
          Anki&apos;s own FSRS memory state, compared on {counted(anki.memory.compared, "card", "cards")}: the replayed stability differs by{" "}
          {Math.round(anki.memory.meanStabilityGap * 100)}% on average, the difficulty by {Math.round(anki.memory.meanDifficultyGap * 100)}
          %.
        </p>
      )}
      {anki.notices.length > 0 && (
        <ul className="muted">
          {anki.notices.map((n, i) => (
            <li key={i}>{n.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const ROLES = ["front", "back", "tags", "deck", "ignore"] as const;

export function ColumnMapping({
  table,
  mapping,
  onChange,
  onApply,
}: {
  table: TextTablePreview;
  mapping: TextTablePreview["mapping"];
  onChange: (mapping: TextTablePreview["mapping"]) => void;
  onApply: () => void;
}) {
  return (
    <fieldset className="column-mapping" data-testid="column-mapping">
      <legend>Columns</legend>
      <table>
        <thead>
          <tr>
            {table.columns.map((name, i) => (
              <th key={i} scope="col">
                <label>
                  {name}{" "}
                  <select
                    aria-label={`Role of column ${name}`}
                    value={mapping[i] ?? "ignore"}
                    onChange={(e) =>
                      onChange(
                        table.columns.map((_, j) => (j === i ? (e.target.value as (typeof ROLES)[number]) : (mapping[j] ?? "ignore"))),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.sample.map((row, r) => (
            <tr key={r}>
              {table.columns.map((_, c) => (
                <td key={c}>{(row[c] ?? "").slice(0, 80)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button className="button secondary" type="button" onClick={onApply}>
        Preview with these columns
      </button>
    </fieldset>
  );
}
