// The PostgreSQL types of the columns that hold a scheduling state and a review log (the derived
// schema's: Int is integer, Float double precision, DateTime timestamptz), for the bulk writes.
import { REVIEW_LOG_FIELDS, SCHEDULING_FIELDS, type ReviewLogValues, type SchedulingState } from "../../../srs/index.ts";
import type { Column, ColumnType } from "./unnest.ts";

const SCHEDULING_TYPES: Record<(typeof SCHEDULING_FIELDS)[number], ColumnType> = {
  due: "timestamptz",
  stability: "float8",
  difficulty: "float8",
  elapsedDays: "int",
  scheduledDays: "int",
  learningSteps: "int",
  reps: "int",
  lapses: "int",
  state: "int",
  lastReview: "timestamptz",
};

const REVIEW_LOG_TYPES: Record<(typeof REVIEW_LOG_FIELDS)[number], ColumnType> = {
  rating: "int",
  state: "int",
  due: "timestamptz",
  stability: "float8",
  difficulty: "float8",
  elapsedDays: "int",
  lastElapsedDays: "int",
  scheduledDays: "int",
  learningSteps: "int",
  review: "timestamptz",
};

/** A CardState's scheduling columns, read from each row's state. */
export function schedulingColumns<Row>(stateOf: (row: Row) => SchedulingState): Array<Column<Row>> {
  return SCHEDULING_FIELDS.map((name) => ({ name, type: SCHEDULING_TYPES[name], value: (row: Row) => stateOf(row)[name] }));
}

/** A ReviewLog's graded values, read from each row's log. */
export function reviewLogColumns<Row>(logOf: (row: Row) => ReviewLogValues): Array<Column<Row>> {
  return REVIEW_LOG_FIELDS.map((name) => ({ name, type: REVIEW_LOG_TYPES[name], value: (row: Row) => logOf(row)[name] }));
}

/** `alias."a" = source."a", ...` for an UPDATE ... FROM of these columns. */
export function assignments<Row>(columns: ReadonlyArray<Column<Row>>, source: string): string {
  return columns.map(({ name }) => `"${name}" = ${source}."${name}"`).join(", ");
}
