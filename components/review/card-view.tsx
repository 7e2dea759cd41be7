"use client";
import { useMemo, type RefObject } from "react";
import type { LocalCard } from "@/lib/offline-review/index.ts";
import { facesFor } from "./shape-face.ts";

/**
 * A card's faces. `staged`: the next card, in the page ahead of time, transparent and kept from
 * focus, pointers and screen readers (and without test ids), so a grade can show it at once (card-swap.ts).
 */
export function CardView({
  card,
  revealed,
  wide,
  cardRef,
  answerRef,
  staged = false,
}: {
  card: LocalCard;
  revealed: boolean;
  wide: boolean;
  cardRef: RefObject<HTMLElement | null>;
  answerRef?: RefObject<HTMLDivElement | null>;
  staged?: boolean;
}) {
  const faces = useMemo(() => facesFor(card, wide), [card, wide]);
  return (
    <article
      className={staged ? "panel review-card staged" : "panel review-card"}
      aria-label={staged ? undefined : "Card"}
      aria-hidden={staged || undefined}
      inert={staged}
      tabIndex={-1}
      ref={cardRef}
      data-testid={staged ? undefined : "review-card"}
      data-card-id={card.cardId}
      data-kind={card.kind}
    >
      <p className="card-meta">
        {card.deckPath}
        {card.schedule === null ? " · new" : ""}
      </p>
      <div className="card-face" data-testid={staged ? undefined : "front"} dangerouslySetInnerHTML={{ __html: faces.front }} />
      {revealed && !staged && (
        <div className="card-answer" ref={answerRef} tabIndex={-1} data-testid="back">
          <h2 className="visually-hidden">Answer</h2>
          <div className="card-face" dangerouslySetInnerHTML={{ __html: faces.back }} />
        </div>
      )}
    </article>
  );
}
