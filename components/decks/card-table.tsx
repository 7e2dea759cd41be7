import Link from "next/link";
import type { CardListPage } from "@/lib/db/index.ts";

const STATE_LABEL = {
  new: "New",
  learning: "Learning",
  review: "Review",
  relearning: "Relearning",
  suspended: "Suspended",
  buried: "Buried",
};

interface Props {
  list: CardListPage;
  timeZone: string;
  /** The page's own address with the search kept, for the page links. */
  pageHref: (page: number) => string;
}

/** A deck's cards one line each, like Anki's browser: front, due, state. */
export function CardTable({ list, timeZone, pageHref }: Props) {
  const day = (d: Date) => d.toLocaleDateString("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" });
  return (
    <>
      <div className="table-wrap">
        <table className="card-table" data-testid="card-table">
          <thead>
            <tr>
              <th scope="col">Front</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-testid="card-row">
                <td className="card-table-front">
                  <Link href={`/cards/${row.id}`}>{row.front || "(empty front)"}</Link>
                </td>
                <td className="card-table-due">{row.due ? day(row.due) : "—"}</td>
                <td>
                  <span className={`state state-${row.state}`}>{STATE_LABEL[row.state]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.pages > 1 && (
        <nav className="pager" aria-label="Card pages">
          {list.page > 1 ? <Link href={pageHref(list.page - 1)}>← Previous</Link> : <span />}
          <span>
            Page {list.page} of {list.pages}
          </span>
          {list.page < list.pages ? <Link href={pageHref(list.page + 1)}>Next →</Link> : <span />}
        </nav>
      )}
    </>
  );
}
