import type { ForecastDay } from "@/lib/srs/index.ts";
import { ChartFigure, ChartSvg, Legend } from "./chart-figure.tsx";
import { fullDate, niceMax, shortDate } from "./chart-math.ts";
import styles from "./stats.module.css";

const W = 400;
const H = 190;
const LEFT = 30;
const RIGHT = 4;
const TOP = 10;
const BOTTOM = 24;

const SERIES = [
  { key: "mature", label: "Mature (interval 21 days or more)", className: styles.mature },
  { key: "young", label: "Young", className: styles.young },
  { key: "learning", label: "Learning", className: styles.learning },
] as const;

export function ForecastChart({ days }: { days: ForecastDay[] }) {
  const max = niceMax(Math.max(0, ...days.map((d) => d.total)));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const pitch = plotW / Math.max(1, days.length);
  const barW = Math.max(2, pitch * 0.72);
  const y = (n: number) => TOP + plotH - (n / max) * plotH;
  const total = days.reduce((sum, d) => sum + d.total, 0);
  const week = days.slice(0, 7).reduce((sum, d) => sum + d.total, 0);
  const busiest = days.reduce<ForecastDay | undefined>((best, d) => (!best || d.total > best.total ? d : best), undefined);
  const label = `Due forecast, next ${days.length} days`;
  const description =
    total === 0
      ? "Bar chart: no studied cards fall due in the next 30 days."
      : `Bar chart of cards due each day: ${days[0]?.total ?? 0} today, ${week} in the next 7 days, ${total} in ${days.length} days; busiest day ${busiest ? `${shortDate(busiest.date)} with ${busiest.total}` : "none"}.`;

  return (
    <ChartFigure
      id="forecast"
      title="Due in the next 30 days"
      summary={
        <>
          <span>
            Today <strong>{days[0]?.total ?? 0}</strong>
          </span>
          <span>
            Tomorrow <strong>{days[1]?.total ?? 0}</strong>
          </span>
          <span>
            Next 7 days <strong>{week}</strong>
          </span>
          <span>
            Per day <strong>{(total / Math.max(1, days.length)).toFixed(1)}</strong>
          </span>
        </>
      }
      legend={<Legend items={SERIES.map((s) => ({ label: s.label, className: s.className }))} />}
      table={{
        caption: "Cards due per day over the next 30 days (overdue cards count today)",
        columns: ["Day", "Learning", "Young", "Mature", "Total"],
        rows: days.map((d, i) => [i === 0 ? `Today, ${fullDate(d.date)}` : fullDate(d.date), d.learning, d.young, d.mature, d.total]),
      }}
    >
      <ChartSvg id="forecast-svg" label={label} description={description} width={W} height={H}>
        {(Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g key={tick}>
            <line className={tick === 0 ? styles.axis : styles.gridLine} x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 5} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = LEFT + i * pitch + (pitch - barW) / 2;
          let base = 0;
          return (
            <g key={d.date}>
              <title>{`${i === 0 ? "Today" : shortDate(d.date)}: ${d.total} due (${d.learning} learning, ${d.young} young, ${d.mature} mature)`}</title>
              {/* An invisible full-height box gives each day a hover target, even on days with nothing due. */}
              <rect x={LEFT + i * pitch} y={TOP} width={pitch} height={plotH} fill="transparent" />
              {SERIES.map((s) => {
                const n = d[s.key];
                if (n === 0) return null;
                const top = y(base + n);
                const h = y(base) - top;
                base += n;
                return <rect key={s.key} className={s.className} x={x} y={top} width={barW} height={h} rx={1.5} />;
              })}
            </g>
          );
        })}
        {days.map((d, i) =>
          i % 7 === 0 ? (
            <text key={d.date} x={i === 0 ? LEFT : LEFT + i * pitch + pitch / 2} y={H - 8} textAnchor={i === 0 ? "start" : "middle"}>
              {i === 0 ? "Today" : shortDate(d.date)}
            </text>
          ) : null,
        )}
      </ChartSvg>
    </ChartFigure>
  );
}
