"use client";
// Bury, Suspend, Card info and Edit, in a menu at the top of the screen, far from the grade buttons.
// Card info and Edit open in a dialog over the review: the session and its undo stay as they are.
import { useEffect, useId, useRef, useState } from "react";
import type { LocalCard } from "@/lib/offline-review/index.ts";
import { dateAndTime } from "./clock.ts";

const STATE_NAMES = ["New", "Learning", "Review", "Relearning"];

export function CardMenu({ card, onBury, onSuspend }: { card: LocalCard; onBury: () => void; onSuspend: () => void }) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<"info" | "edit" | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLButtonElement>("ul button")?.focus();
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useEffect(() => {
    if (dialog) dialogRef.current?.showModal();
  }, [dialog]);

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const schedule = card.schedule;

  return (
    <div className="card-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="button secondary small"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        data-testid="card-menu"
      >
        More
      </button>
      <ul id={menuId} className="card-menu-list" hidden={!open}>
        <li>
          <button type="button" className="linklike" onClick={choose(onBury)} data-testid="bury">
            Bury until tomorrow
          </button>
        </li>
        <li>
          <button type="button" className="linklike" onClick={choose(onSuspend)} data-testid="suspend">
            Suspend
          </button>
        </li>
        <li>
          <button type="button" className="linklike" onClick={choose(() => setDialog("info"))}>
            Card info
          </button>
        </li>
        <li>
          <button type="button" className="linklike" onClick={choose(() => setDialog("edit"))}>
            Edit
          </button>
        </li>
      </ul>
      {dialog && (
        <dialog
          ref={dialogRef}
          className="review-dialog"
          aria-labelledby={`${menuId}-title`}
          onClose={() => {
            setDialog(null);
            toggle.current?.focus();
          }}
        >
          <h2 id={`${menuId}-title`}>{dialog === "info" ? "Card info" : "Edit this card"}</h2>
          {dialog === "info" ? (
            <dl className="facts">
              <dt>Deck</dt>
              <dd>{card.deckPath}</dd>
              <dt>State</dt>
              <dd>{STATE_NAMES[schedule?.state ?? 0] ?? "New"}</dd>
              <dt>Due</dt>
              <dd>{schedule ? dateAndTime(schedule.due) : "not studied yet"}</dd>
              <dt>Reviews</dt>
              <dd>{schedule?.reps ?? 0}</dd>
              <dt>Lapses</dt>
              <dd>{schedule?.lapses ?? 0}</dd>
              <dt>Stability</dt>
              <dd>{schedule ? `${schedule.stability.toFixed(1)} days` : "none"}</dd>
              <dt>Difficulty</dt>
              <dd>{schedule ? schedule.difficulty.toFixed(2) : "none"}</dd>
            </dl>
          ) : (
            <p>
              Editing needs the network. Your session, its undo and any grades not yet synced stay on this device; come back to review to
              carry on.
            </p>
          )}
          <div className="dialog-actions">
            <a className="button secondary small" href={dialog === "info" ? `/cards/${card.cardId}` : `/cards/${card.cardId}/edit`}>
              {dialog === "info" ? "Full history" : "Open the editor"}
            </a>
            <button type="button" className="button small" onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
