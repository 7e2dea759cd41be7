"use client";
// The preview's detail, note by note: a checkbox per note and per card (all ticked to begin with),
// each card's faces as the review screen will show them, and the blocks that were skipped, with
// their reason and file:line. Unticking is local until the learner confirms.
import { useId, useState } from "react";
import type { CardAction, ImportReview, PreviewCard, PreviewFile } from "./import-types.ts";
import { counted } from "@/components/ui/counted.ts";

const ACTION_LABEL: Record<CardAction, string> = {
  create: "New",
  update: "Updated",
  unchanged: "Unchanged",
  keepEdit: "Your edit kept",
  suspend: "To suspend",
};

/** Past this many listed cards, notes start folded so the page stays quick to move through. */
const OPEN_UP_TO_CARDS = 60;

export interface Selection {
  untickedKeys: ReadonlySet<string>;
  untickedFiles: ReadonlySet<string>;
}

interface Props {
  review: ImportReview;
  selection: Selection;
  onToggleCard: (key: string, ticked: boolean) => void;
  onToggleFile: (path: string, ticked: boolean) => void;
}

export function ImportReviewList({ review, selection, onToggleCard, onToggleFile }: Props) {
  const listed = review.files.reduce((n, f) => n + f.cards.length, 0);
  const skipped = review.files.reduce((n, f) => n + f.skippedBlocks.length, 0) + review.unlisted.skippedBlocks;
  return (
    <div className="import-review">
      <h3>Notes and their cards</h3>
      <p className="muted">
        Untick a card or a whole note to leave it out. A card you leave out that is already in your library stays exactly as it is: it is
        neither updated nor suspended.
      </p>
      {skipped > 0 && (
        <p>
          {counted(skipped, "block looked", "blocks looked")} like a card but {skipped === 1 ? "was" : "were"} skipped; each note lists its
          own with the reason.
        </p>
      )}
      {(review.unrendered > 0 || review.unlisted.cards > 0) && (
        <p className="muted" data-testid="preview-bounds">
          {review.unrendered > 0 &&
            `${counted(review.unrendered, "card is", "cards are")} shown by the front only, as text, to keep the preview quick. `}
          {review.unlisted.cards > 0 &&
            `${review.unlisted.cards} more ${review.unlisted.cards === 1 ? "card is" : "cards are"} not listed; they are imported with their notes.`}
        </p>
      )}
      <ul className="import-files">
        {review.files.map((file) => (
          <FileGroup
            key={file.path}
            file={file}
            initiallyOpen={listed <= OPEN_UP_TO_CARDS || review.files.length === 1}
            selection={selection}
            onToggleCard={onToggleCard}
            onToggleFile={onToggleFile}
          />
        ))}
      </ul>
      {review.unlisted.skippedBlocks + review.unlisted.notices > 0 && (
        <p className="muted">
          {review.unlisted.skippedBlocks > 0 &&
            `${review.unlisted.skippedBlocks} more skipped ${review.unlisted.skippedBlocks === 1 ? "block is" : "blocks are"} not listed. `}
          {review.unlisted.notices > 0 &&
            `${review.unlisted.notices} more ${review.unlisted.notices === 1 ? "notice is" : "notices are"} not listed.`}
        </p>
      )}
    </div>
  );
}

interface FileProps extends Omit<Props, "review"> {
  file: PreviewFile;
  initiallyOpen: boolean;
}

function FileGroup({ file, initiallyOpen, selection, onToggleCard, onToggleFile }: FileProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  const ticked = !selection.untickedFiles.has(file.path);
  const total = file.counts.create + file.counts.update + file.counts.unchanged + file.counts.keepEdit;
  const parts = [
    counted(total, "card", "cards"),
    file.counts.create > 0 ? `${file.counts.create} new` : "",
    file.counts.update > 0 ? `${file.counts.update} updated` : "",
    file.counts.keepEdit > 0 ? `${file.counts.keepEdit} with your edit kept` : "",
    file.counts.suspend > 0 ? `${file.counts.suspend} to suspend` : "",
    file.skippedBlocks.length > 0 ? `${file.skippedBlocks.length} skipped` : "",
    file.notices.length > 0 ? counted(file.notices.length, "notice", "notices") : "",
  ].filter(Boolean);
  return (
    <li className={`import-file${ticked ? "" : " left-out"}`} data-testid="preview-file">
      <div className="import-file-head">
        <input
          id={`${id}-tick`}
          type="checkbox"
          checked={ticked}
          onChange={(e) => onToggleFile(file.path, e.target.checked)}
          aria-label={`Import the note ${file.path}`}
        />
        <h4 id={`${id}-title`}>
          <label htmlFor={`${id}-tick`}>{file.path}</label>
        </h4>
        <button
          type="button"
          className="linklike"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-describedby={`${id}-title`}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide" : "Show"} cards
        </button>
      </div>
      <p className="muted import-file-counts">{parts.join(" · ")}</p>
      {!ticked && (
        <p className="import-left-out">Left out: nothing from this note is imported, and its cards in your library stay as they are.</p>
      )}
      <div id={`${id}-body`} hidden={!open}>
        {/* A folded note's cards are not built at all: a large preview stays quick to open. */}
        {open && file.cards.length > 0 && (
          <ul className="import-cards" aria-label={`Cards of ${file.path}`}>
            {file.cards.map((card) => (
              <CardRow
                key={card.key}
                card={card}
                fileTicked={ticked}
                ticked={!selection.untickedKeys.has(card.key)}
                onToggle={(on) => onToggleCard(card.key, on)}
              />
            ))}
          </ul>
        )}
        {file.unlisted > 0 && (
          <p className="muted">
            {file.unlisted} more {file.unlisted === 1 ? "card" : "cards"} of this note {file.unlisted === 1 ? "is" : "are"} not listed and
            will be imported with it.
          </p>
        )}
        {file.skippedBlocks.length > 0 && (
          <section className="import-skipped" aria-labelledby={`${id}-skipped`}>
            <h5 id={`${id}-skipped`}>Skipped blocks ({file.skippedBlocks.length})</h5>
            <ul>
              {file.skippedBlocks.map((block, i) => (
                <li key={i} data-testid="skipped-block">
                  <code>
                    {block.file}:{block.line}
                  </code>{" "}
                  <q>{block.text}</q>: {block.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
        {file.notices.length > 0 && (
          <section className="import-notices" aria-labelledby={`${id}-notices`}>
            <h5 id={`${id}-notices`}>Notices ({file.notices.length})</h5>
            <ul>
              {file.notices.map((notice, i) => (
                <li key={i} data-testid="notice">
                  <code>{notice.line ? `${notice.file}:${notice.line}` : notice.file}</code> {notice.message}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </li>
  );
}

interface CardProps {
  card: PreviewCard;
  fileTicked: boolean;
  ticked: boolean;
  onToggle: (ticked: boolean) => void;
}

function CardRow({ card, fileTicked, ticked, onToggle }: CardProps) {
  const id = useId();
  const stored = card.action !== "create";
  return (
    <li className={`import-card${ticked && fileTicked ? "" : " left-out"}`} data-testid="preview-card" data-action={card.action}>
      <div className="import-card-head">
        <input
          id={id}
          type="checkbox"
          checked={ticked}
          disabled={!fileTicked}
          onChange={(e) => onToggle(e.target.checked)}
          aria-label={`Import the card ${card.front}`}
        />
        <label htmlFor={id} className={`badge action-${card.action}`}>
          {ACTION_LABEL[card.action]}
        </label>
        <span className="import-card-where">
          {card.kind === "cloze" ? "Cloze · " : ""}
          {card.deckPath} · line {card.line}
        </span>
      </div>
      {card.faces ? (
        <div className="import-faces">
          <div>
            <p className="import-face-label">Front</p>
            <div className="card-face" data-testid="preview-front" dangerouslySetInnerHTML={{ __html: card.faces.front }} />
          </div>
          <div>
            <p className="import-face-label">Back</p>
            <div className="card-face" data-testid="preview-back" dangerouslySetInnerHTML={{ __html: card.faces.back }} />
          </div>
        </div>
      ) : (
        <p className="import-card-text">{card.front}</p>
      )}
      {card.faces?.shortened && <p className="muted">Shortened in this preview; the card keeps all of it.</p>}
      {card.action === "keepEdit" && ticked && (
        <p className="muted">
          You edited this card in the app and the note changed too: your text stays; the faces shown are the note&apos;s.
        </p>
      )}
      {card.action === "suspend" && ticked && (
        <p className="muted">Its block is gone from the note: the card will be suspended, its history kept. Untick to leave it as it is.</p>
      )}
      {!ticked && fileTicked && (
        <p className="import-left-out">
          {stored ? "Left out: the card in your library stays as it is." : "Left out: this card is not created."}
        </p>
      )}
    </li>
  );
}
