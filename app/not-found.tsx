import Link from "next/link";

export default function NotFound() {
  return (
    <div className="panel narrow">
      <h1>Not found</h1>
      <p>There is nothing here, or it is not yours to see.</p>
      <Link className="button secondary" href="/decks">
        Back to your decks
      </Link>
    </div>
  );
}
