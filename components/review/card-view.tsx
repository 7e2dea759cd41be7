"use client";
import { useMemo, type RefObject } from "react";
import type { LocalCard } from "@/lib/offline-review/index.ts";
import { facesFor } from "./shape-face.ts";

export function CardView({
  card,
  revealed,
  wide,
  cardRef,
  answerRef,
}: {
  card: LocalCard;
  revealed: boolean;
  wide: boolean;
  cardRef: RefObject<HTMLElement | null>;
  answerRef: RefObject<HTMLDivElement | null>;
}) {
  const faces = useMemo(() => facesFor(card, wide), [card, wide]);
  return (
    <article
      className="panel review-card"
      aria-label="Card"
      tabIndex={-1}
      ref={cardRef}
      data-testid="review-card"
      data-card-id={card.cardId}
      data-kind={card.kind}
    >
      <p className="card-meta">
        {card.deckPath}
        {card.schedule === null ? " · new" : ""}
      </p>
      <div className="card-face" data-testid="front" dangerouslySetInnerHTML={{ __html: faces.front }} />
      {revealed && (
        <div className="card-answer" ref={answerRef} tabIndex={-1} data-testid="back">
          <h2 className="visually-hidden">Answer</h2>
          <div className="card-face" dangerouslySetInnerHTML={{ __html: faces.back }} />
        </div>
      )}
    </article>
  );
}
