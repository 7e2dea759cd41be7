// The CardState columns that hold a learner's scheduling state, as a Prisma select: built from the
// one field list in lib/srs, so a select, a raw read and the scheduler cannot drift apart.
import { SCHEDULING_FIELDS, type SchedulingState } from "../srs/index.ts";

type SchedulingSelect = { readonly [K in keyof SchedulingState]: true };

export const SCHEDULING_SELECT = Object.fromEntries(SCHEDULING_FIELDS.map((field) => [field, true])) as SchedulingSelect;
