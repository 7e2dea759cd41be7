"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel narrow" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you saved was lost.</p>
      <button className="button secondary" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
