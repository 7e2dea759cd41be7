"use client";

// "Make a scenario card": the playground's state as a scenario document, posted to the endpoint the
// review side owns (POST /api/scenario-cards, body { scenario }). Kept in this one component so the
// endpoint's answers can be wired here and nowhere else.

import { useState } from "react";
import type { PlaygroundState } from "@/lib/playground/types.ts";
import { buildScenario } from "@/lib/playground/scenario.ts";
import styles from "./playground.module.css";

type Status = { tone: "info" | "ok" | "error"; text: string; signIn?: boolean } | null;

async function messageOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    const text = body.error ?? body.message;
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

export function ScenarioCardButton({ state }: { state: PlaygroundState }) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const built = buildScenario(state);
    if (!built.ok) {
      setStatus({ tone: "error", text: built.problem });
      return;
    }
    setBusy(true);
    setStatus({ tone: "info", text: "Saving…" });
    try {
      const response = await fetch("/api/scenario-cards", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenario: built.scenario }),
        // Signed out, the proxy answers with a redirect to the sign-in page: that is a 401 here.
        redirect: "manual",
      });
      const notes = built.notes.length ? ` ${built.notes.join(" ")}` : "";
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        setStatus({ tone: "error", text: "Sign in to save scenario cards.", signIn: true });
      } else if (response.ok) {
        const created = ((await response.json().catch(() => ({}))) as { created?: unknown }).created;
        setStatus({ tone: "ok", text: created === 0 ? `This scenario is already among your cards.${notes}` : `Saved as scenario cards in Scenarios › Playground.${notes}` });
      }
      else if (response.status === 404) setStatus({ tone: "error", text: "Saving scenario cards is not available yet." });
      else setStatus({ tone: "error", text: (await messageOf(response)) ?? `The card was not saved (HTTP ${response.status}).` });
    } catch {
      setStatus({ tone: "error", text: "The card was not saved: the server could not be reached." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.share}>
      <button type="button" className="button" onClick={save} disabled={busy}>
        Make a scenario card
      </button>
      <p className={styles.status} role="status" data-testid="scenario-status" style={status?.tone === "error" ? { color: "var(--danger)" } : undefined}>
        {status?.text}
        {status?.signIn ? (
          <>
            {" "}
            <a href={`/signin?next=${encodeURIComponent(`/playground${typeof location === "undefined" ? "" : location.hash}`)}`}>Sign in</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
