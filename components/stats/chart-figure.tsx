import type { ReactNode } from "react";
import styles from "./stats.module.css";

export interface DataTable {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

interface Props {
  id: string;
  title: string;
  /** Shown under the title: the few numbers people look for first. */
  summary?: ReactNode;
  /** The SVG drawings; more than one lets CSS pick a layout for the screen width. */
  children: ReactNode;
  /** Every value, for screen readers, in a table that is not drawn. */
  table: DataTable;
  legend?: ReactNode;
}

/** A chart: title, summary, the drawing (an image with a title and description) and its data as a hidden table. */
export function ChartFigure({ id, title, summary, children, table, legend }: Props) {
  return (
    <figure className={`panel ${styles.figure}`} aria-labelledby={`${id}-heading`} data-testid={`chart-${id}`}>
      <figcaption>
        <h2 id={`${id}-heading`}>{title}</h2>
        {summary && <div className={styles.summary}>{summary}</div>}
      </figcaption>
      {children}
      {legend}
      {/* The wrapper hides the table: a table ignores the 1px width the class sets on itself. */}
      <div className="visually-hidden">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The <svg> element every chart draws in: scales with its box, announced as one image. */
export function ChartSvg({
  id,
  label,
  description,
  width,
  height,
  className,
  children,
}: {
  id: string;
  label: string;
  description: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={`${styles.svg} ${className ?? ""}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-svgdesc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-svgdesc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** A color key: swatch and label, as a list a screen reader reads too. */
export function Legend({ items }: { items: ReadonlyArray<{ label: string; className: string | undefined; value?: string }> }) {
  return (
    <ul className={styles.legend}>
      {items.map((item) => (
        <li key={item.label}>
          <span className={`${styles.swatch} ${item.className}`} aria-hidden="true" />
          {item.label}
          {item.value !== undefined && <strong> {item.value}</strong>}
        </li>
      ))}
    </ul>
  );
}
