import type { RetentionPeriod } from "@/lib/srs/index.ts";
import { ChartFigure, ChartSvg, Legend } from "./chart-figure.tsx";
import { longMonth, percent, shortDate, shortMonth } from "./chart-math.ts";
import styles from "./stats.module.css";

const W = 400;
const H = 190;
const LEFT = 34;
const RIGHT = 4;
const TOP = 16;
const BOTTOM = 24;

interface Props {
  id: string;
  unit: "week" | "month";
  periods: RetentionPeriod[];
  desiredRetention: number;
}

const periodName = (p: RetentionPeriod, unit: Props["unit"]) => (unit === "week" ? `Week of ${shortDate(p.start)}` : longMonth(p.start));
const axisName = (p: RetentionPeriod, unit: Props["unit"]) => (unit === "week" ? shortDate(p.start) : shortMonth(p.start));

/**
 * Share of review-state cards remembered (Hard, Good or Easy) per week or month, against the
 * desired retention: bars under the dashed line mean the scheduler is promising more than memory gives.
 */
export function RetentionChart({ id, unit, periods, desiredRetention }: Props) {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const pitch = plotW / Math.max(1, periods.length);
  const barW = Math.max(3, pitch * 0.66);
  const y = (r: number) => TOP + plotH - r * plotH;
  const reviewed = periods.filter((p) => p.reviews > 0);
  const reviews = reviewed.reduce((sum, p) => sum + p.reviews, 0);
  const passed = reviewed.reduce((sum, p) => sum + p.passed, 0);
  const overall = reviews ? passed / reviews : null;
  const latest = reviewed[reviewed.length - 1];
  const labelEvery = periods.length > 8 ? 3 : 1;
  const title = unit === "week" ? "True retention by week" : "True retention by month";
  const span = `${periods.length} ${unit}s`;
  const description =
    reviews === 0
      ? `Bar chart: no reviews of learned cards in the last ${span}, so no retention to show yet.`
      : `Bar chart of the share of learned cards remembered per ${unit}, last ${span}: ${percent(overall)} over ${reviews} reviews, against a desired retention of ${percent(desiredRetention)}.`;

  return (
    <ChartFigure
      id={id}
      title={title}
      summary={
        <>
          <span>
            Last {span} <strong>{overall === null ? "—" : percent(overall)}</strong>
          </span>
          <span>
            Reviews <strong>{reviews}</strong>
          </span>
          {latest && (
            <span>
              {periodName(latest, unit)} <strong>{percent(latest.retention)}</strong>
            </span>
          )}
        </>
      }
      legend={
        <Legend
          items={[
            { label: "At or above desired retention", className: styles.pass },
            { label: "Below it", className: styles.low },
            { label: `Desired ${percent(desiredRetention)} (dashed)`, className: styles.new },
          ]}
        />
      }
      table={{
        caption: `${title}: reviews of cards in review state, and the share not answered Again`,
        columns: [unit === "week" ? "Week" : "Month", "Reviews", "Remembered", "Retention", "Young", "Mature"],
        rows: periods.map((p) => [
          periodName(p, unit),
          p.reviews,
          p.passed,
          percent(p.retention),
          percent(p.young.retention),
          percent(p.mature.retention),
        ]),
      }}
    >
      <ChartSvg id={`${id}-svg`} label={title} description={description} width={W} height={H}>
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line className={tick === 0 ? styles.axis : styles.gridLine} x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 5} y={y(tick) + 4} textAnchor="end">
              {tick * 100}%
            </text>
          </g>
        ))}
        {periods.map((p, i) => {
          const x = LEFT + i * pitch + (pitch - barW) / 2;
          const tip = `${periodName(p, unit)}: ${percent(p.retention)}${p.reviews ? ` (${p.passed} of ${p.reviews})` : ""}`;
          if (p.retention === null) {
            return (
              <rect key={p.start} className={styles.empty} x={x} y={y(0) - 2} width={barW} height={2}>
                <title>{tip}</title>
              </rect>
            );
          }
          return (
            <g key={p.start}>
              <title>{tip}</title>
              <rect
                className={p.retention >= desiredRetention ? styles.pass : styles.low}
                x={x}
                y={y(p.retention)}
                width={barW}
                height={Math.max(1, y(0) - y(p.retention))}
                rx={2}
              />
              {periods.length <= 12 && (
                <text className={styles.value} x={x + barW / 2} y={y(p.retention) - 3} textAnchor="middle" fontSize={9}>
                  {Math.round(p.retention * 100)}
                </text>
              )}
            </g>
          );
        })}
        <line className={styles.target} x1={LEFT} x2={W - RIGHT} y1={y(desiredRetention)} y2={y(desiredRetention)} />
        {periods.map((p, i) =>
          (periods.length - 1 - i) % labelEvery === 0 ? (
            <text key={`x-${p.start}`} x={LEFT + i * pitch + pitch / 2} y={H - 8} textAnchor="middle">
              {axisName(p, unit)}
            </text>
          ) : null,
        )}
      </ChartSvg>
    </ChartFigure>
  );
}
