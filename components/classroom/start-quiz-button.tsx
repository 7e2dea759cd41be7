"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";

/** Starts the attempt (the clock runs from here), then shows the questions. */
export function StartQuizButton({ quizId }: { quizId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/classroom/quizzes/${quizId}/attempt`, { method: "POST" });
      const body = (await response.json()) as { error?: string };
      if (!response.ok) throw new Error(body.error ?? "Could not start the quiz.");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not start the quiz.");
      setBusy(false);
    }
  };
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button className="button full" type="button" onClick={() => void start()} disabled={busy}>
        Start quiz
      </button>
    </>
  );
}
