// Many rows in one statement: each column travels as one array parameter and unnest() turns the
// arrays back into rows, so an import of thousands of cards is a handful of statements, not
// thousands of round trips, and the statement's text stays the same whatever the row count.

/** The PostgreSQL types the bulk writes send, as array element types (jsonb elements travel as JSON text). */
export type ColumnType = "text" | "int" | "float8" | "bool" | "timestamptz" | "bytea" | "jsonb";

export interface Column<Row> {
  /** The column's name in the row set (and, for an insert, in the table). */
  name: string;
  type: ColumnType;
  value: (row: Row) => unknown;
}

/** Dates travel as ISO text: exact to the millisecond and independent of the process's zone. */
function element(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * `unnest($first::type[], ...) AS alias("a", "b", ...)` over `rows`, with its parameters. `first`
 * is the number of the first array parameter, after any the statement takes before them.
 */
export function unnestRows<Row>(
  alias: string,
  columns: ReadonlyArray<Column<Row>>,
  rows: readonly Row[],
  first: number,
): { sql: string; values: unknown[] } {
  const arrays = columns.map((column, i) => `$${first + i}::${column.type}[]`);
  const names = columns.map((column) => `"${column.name}"`);
  return {
    sql: `unnest(${arrays.join(", ")}) AS ${alias}(${names.join(", ")})`,
    values: columns.map((column) => rows.map((row) => element(column.value(row)))),
  };
}

/** The column list of an insert, quoted. */
export function columnList<Row>(columns: ReadonlyArray<Column<Row>>): string {
  return columns.map((column) => `"${column.name}"`).join(", ");
}

/** Rows per statement: large enough to amortise the round trip, small enough to keep one parameter modest. */
export const ROWS_PER_STATEMENT = 5_000;

export function* slices<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
