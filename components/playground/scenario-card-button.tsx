"use client";

// "Make a scenario card": the playground's state as a scenario document, posted to
// POST /api/scenario-cards. The body and the answers follow the endpoint's contract
// (lib/contracts/scenario-cards.ts), which the route validates with.

import { useState } from "react";
import type { ScenarioCardRequest, ScenarioCardResponse } from "@/lib/contracts/index.ts";
import { buildScenario, type PlaygroundState } from "@/lib/playground/index.ts";
import styles from "./playground.module.css";

type Status = { tone: "info" | "ok" | "error"; text: string; signIn?: boolean } | null;

/** The answer's body, or undefined when it is not the JSON the contract promises. */
async function answerOf(response: Response): Promise<ScenarioCardResponse | undefined> {
  try {
    return (await response.json()) as ScenarioCardResponse;
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
      const request: ScenarioCardRequest = { scenario: built.scenario };
      const response = await fetch("/api/scenario-cards", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
        // Signed out, the proxy answers with a redirect to the sign-in page: that is a 401 here.
        redirect: "manual",
      });
      if (response.type === "opaqueredirect" || response.status === 401) {
        setStatus({ tone: "error", text: "Sign in to save scenario cards.", signIn: true });
        return;
      }
      const answer = await answerOf(response);
      const notes = built.notes.length ? ` ${built.notes.join(" ")}` : "";
      if (response.ok && answer && "ok" in answer) {
        const deck = answer.deckPath.join(" › ");
        setStatus({
          tone: "ok",
          text: answer.created === 0 ? `This scenario is already among your cards.${notes}` : `Saved as scenario cards in ${deck}.${notes}`,
        });
      } else {
        const refusal = answer && "error" in answer ? answer.error : undefined;
        setStatus({ tone: "error", text: refusal ?? `The card was not saved (HTTP ${response.status}).` });
      }
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
      <p
        className={styles.status}
        role="status"
        data-testid="scenario-status"
        style={status?.tone === "error" ? { color: "var(--danger)" } : undefined}
      >
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
