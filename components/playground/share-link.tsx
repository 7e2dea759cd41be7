"use client";

import { useState } from "react";
import styles from "./playground.module.css";

/** The address of this exact state; the fragment already holds it, so sharing is copying the URL. */
export function ShareLink({ currentLink }: { currentLink(): string }) {
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState<string>("");
  async function share() {
    const url = currentLink();
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Link copied.");
    } catch {
      setCopied("Copy the link below.");
    }
  }
  return (
    <div className={styles.share}>
      <button type="button" className="button secondary" onClick={share}>
        Share this state
      </button>
      {link ? (
        <>
          <label htmlFor="share-url" className="visually-hidden">
            Link to this state
          </label>
          <input id="share-url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
        </>
      ) : null}
      <p className={styles.status} role="status">
        {copied}
      </p>
    </div>
  );
}
