import type { StateCounts } from "@/lib/srs/index.ts";
import { ChartFigure, ChartSvg, Legend } from "./chart-figure.tsx";
import styles from "./stats.module.css";

const W = 400;
const H = 34;

const STATES = [
  { key: "new", label: "New", className: styles.new },
  { key: "learning", label: "Learning", className: styles.learning },
  { key: "relearning", label: "Relearning", className: styles.relearning },
  { key: "review", label: "Review", className: styles.mature },
  { key: "suspended", label: "Suspended", className: styles.suspended },
] as const;

const share = (n: number, total: number) => (total === 0 ? "0%" : `${Math.round((100 * n) / total)}%`);

export function StateChart({ counts }: { counts: StateCounts }) {
  const total = counts.total;
  // Each segment starts where the ones before it end.
  const widths = STATES.map((s) => (total === 0 ? 0 : (counts[s.key] / total) * W));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const description =
    total === 0
      ? "Stacked bar: no cards in your decks yet."
      : `Stacked bar of your ${total} cards by state: ${STATES.map((s) => `${counts[s.key]} ${s.label.toLowerCase()}`).join(", ")}.`;
  return (
    <ChartFigure
      id="states"
      title="Cards by state"
      summary={
        <>
          <span>
            Cards <strong>{total}</strong>
          </span>
          <span>
            Studied <strong>{share(total - counts.new - counts.suspended, total)}</strong>
          </span>
        </>
      }
      legend={
        <Legend
          items={STATES.map((s) => ({
            label: s.label,
            className: s.className,
            value: `${counts[s.key]} (${share(counts[s.key], total)})`,
          }))}
        />
      }
      table={{
        caption: "Cards in each state",
        columns: ["State", "Cards", "Share"],
        rows: STATES.map((s) => [s.label, counts[s.key], share(counts[s.key], total)]),
      }}
    >
      <ChartSvg id="states-svg" label="Cards by state" description={description} width={W} height={H}>
        {total === 0 && <rect className={styles.empty} x={0} y={4} width={W} height={H - 8} rx={6} />}
        <clipPath id="states-clip">
          <rect x={0} y={4} width={W} height={H - 8} rx={6} />
        </clipPath>
        <g clipPath="url(#states-clip)">
          {STATES.map((s, i) => {
            const n = counts[s.key];
            if (n === 0 || total === 0) return null;
            return (
              <rect key={s.key} className={s.className} x={starts[i]} y={4} width={Math.max(1.5, widths[i]!)} height={H - 8}>
                <title>{`${s.label}: ${n}`}</title>
              </rect>
            );
          })}
        </g>
      </ChartSvg>
    </ChartFigure>
  );
}
