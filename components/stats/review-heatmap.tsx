import type { DayCount } from "@/lib/srs/index.ts";
import { ChartFigure, ChartSvg, Legend } from "./chart-figure.tsx";
import { fullDate, longMonth, shortMonth, weekdayIndex } from "./chart-math.ts";
import styles from "./stats.module.css";

const CELL = 10;
const PITCH = 12;
const LEFT = 26;
const TOP = 14;
const LEVELS = [styles.l0, styles.l1, styles.l2, styles.l3, styles.l4];

interface Cell extends DayCount {
  week: number;
  weekday: number;
}

/** Shade 0 for no reviews, then four steps up to the busiest day. */
function level(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max)));
}

/** Days studied in a row up to today (or up to yesterday, when today has no reviews yet). */
function streak(days: DayCount[]): number {
  let i = days.length - 1;
  if (days[i]?.count === 0) i--;
  let n = 0;
  for (; i >= 0 && days[i]!.count > 0; i--) n++;
  return n;
}

/** The first cell of each week column whose month differs from the column before; a label too close to the next is dropped. */
function monthLabels(cells: Cell[]): Cell[] {
  const firsts = cells.filter((c, i) => i === 0 || c.week !== cells[i - 1]!.week);
  const starts = firsts.filter((c, i) => i === 0 || c.date.slice(0, 7) !== firsts[i - 1]!.date.slice(0, 7));
  return starts.filter((c, i) => i + 1 >= starts.length || starts[i + 1]!.week - c.week >= 3);
}

/** A block of week columns (Monday at the top), with month names above the weeks where a month starts. */
function Weeks({ cells, fromWeek, toWeek, y0, max }: { cells: Cell[]; fromWeek: number; toWeek: number; y0: number; max: number }) {
  const x = (week: number) => LEFT + (week - fromWeek) * PITCH;
  const shown = cells.filter((c) => c.week >= fromWeek && c.week < toWeek);
  const last = cells[cells.length - 1];
  return (
    <g>
      {["Mon", "Wed", "Fri"].map((day, i) => (
        <text key={day} x={LEFT - 4} y={y0 + TOP + i * 2 * PITCH + CELL - 1} textAnchor="end">
          {day}
        </text>
      ))}
      {monthLabels(shown).map((c) => (
        <text key={`m-${c.date}`} x={x(c.week)} y={y0 + TOP - 4}>
          {shortMonth(c.date)}
        </text>
      ))}
      {shown.map((c) => (
        <rect
          key={c.date}
          x={x(c.week)}
          y={y0 + TOP + c.weekday * PITCH}
          width={CELL}
          height={CELL}
          rx={2}
          className={`${LEVELS[level(c.count, max)]} ${c === last ? styles.today : ""}`}
        >
          <title>{`${fullDate(c.date)}: ${c.count} ${c.count === 1 ? "review" : "reviews"}`}</title>
        </rect>
      ))}
    </g>
  );
}

export function ReviewHeatmap({ days }: { days: DayCount[] }) {
  const offset = days[0] ? weekdayIndex(days[0].date) : 0;
  const cells: Cell[] = days.map((d, i) => ({ ...d, week: Math.floor((offset + i) / 7), weekday: (offset + i) % 7 }));
  const weeks = (cells[cells.length - 1]?.week ?? 0) + 1;
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const studied = days.filter((d) => d.count > 0).length;
  const busiest = days.reduce<DayCount | undefined>((best, d) => (!best || d.count > best.count ? d : best), undefined);
  const label = "Reviews per day over the past year";
  const description =
    total === 0
      ? "Calendar heatmap: no reviews in the past year."
      : `Calendar heatmap, one square per day, darker for more reviews: ${total} reviews on ${studied} of ${days.length} days; busiest day ${busiest ? `${fullDate(busiest.date)} with ${busiest.count}` : "none"}.`;

  // Months, for the table: a year of single days is too long to listen to.
  const months = new Map<string, { reviews: number; studied: number }>();
  for (const d of days) {
    const m = months.get(d.date.slice(0, 7)) ?? { reviews: 0, studied: 0 };
    m.reviews += d.count;
    if (d.count > 0) m.studied += 1;
    months.set(d.date.slice(0, 7), m);
  }

  const half = Math.ceil(weeks / 2);
  const blockH = TOP + 7 * PITCH + 4;
  return (
    <ChartFigure
      id="heatmap"
      title="Reviews per day, past year"
      summary={
        <>
          <span>
            Reviews <strong>{total}</strong>
          </span>
          <span>
            Days studied <strong>{studied}</strong> of {days.length}
          </span>
          <span>
            Streak <strong>{streak(days)}</strong> {streak(days) === 1 ? "day" : "days"}
          </span>
          <span>
            Per studied day <strong>{studied ? (total / studied).toFixed(1) : "0"}</strong>
          </span>
        </>
      }
      legend={
        <Legend
          items={LEVELS.map((className, i) => ({
            className,
            label: i === 0 ? "None" : `up to ${Math.ceil((max * i) / 4)}`,
          }))}
        />
      }
      table={{
        caption: "Reviews per month over the past year",
        columns: ["Month", "Reviews", "Days studied"],
        rows: [...months].map(([month, m]) => [longMonth(`${month}-01`), m.reviews, m.studied]),
      }}
    >
      {/* Wide screens get the year in one strip; phones get two half-year strips stacked. */}
      <ChartSvg
        id="heatmap-wide"
        className={styles.wideOnly}
        label={label}
        description={description}
        width={LEFT + weeks * PITCH}
        height={blockH}
      >
        <Weeks cells={cells} fromWeek={0} toWeek={weeks} y0={0} max={max} />
      </ChartSvg>
      <ChartSvg
        id="heatmap-narrow"
        className={styles.narrowOnly}
        label={label}
        description={description}
        width={LEFT + half * PITCH}
        height={2 * blockH + 6}
      >
        <Weeks cells={cells} fromWeek={0} toWeek={half} y0={0} max={max} />
        <Weeks cells={cells} fromWeek={half} toWeek={weeks} y0={blockH + 6} max={max} />
      </ChartSvg>
    </ChartFigure>
  );
}
