import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/index.ts";

export default async function LandingPage() {
  if (await currentUser()) redirect("/decks");
  return (
    <>
      <section className="hero">
        <h1>Learn AWS IAM and STS so it sticks.</h1>
        <p className="lead">
          IAM Recall turns your own study notes into review cards, schedules them with FSRS so you see each one just before you would forget
          it, and answers policy questions by actually evaluating the policies.
        </p>
        <div className="actions">
          <Link className="button" href="/signup">
            Create a free account
          </Link>
          <Link className="button secondary" href="/signin">
            Sign in
          </Link>
        </div>
      </section>
      <section className="features" aria-label="What you get">
        <div className="panel">
          <h2>Cards from your notes</h2>
          <p className="muted">
            Import markdown outlines, headed notes with Q&amp;A, or Logseq pages with #card blocks. Edit a note and re-import: your review
            history stays.
          </p>
        </div>
        <div className="panel">
          <h2>Reviews that fit your memory</h2>
          <p className="muted">
            FSRS schedules every card from how you answered, with daily limits, undo and keyboard shortcuts, on a desktop or a phone.
          </p>
        </div>
        <div className="panel">
          <h2>Answers computed, not memorised</h2>
          <p className="muted">
            Scenario questions run through a live IAM and STS evaluator: change a policy and the answer and its explanation change with it.
          </p>
        </div>
      </section>
    </>
  );
}
