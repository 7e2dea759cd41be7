// Job queue timings for tests: the supervisor looks for workers that stopped beating every second
// (the app's: every 10 s), so a killed worker's job moves on within about the heartbeat's 10 s.
import type { JobTimings } from "../../lib/db/engine/postgresql/jobs.ts";

export const TEST_JOB_TIMINGS: JobTimings = { superviseIntervalSeconds: 1, pollingIntervalSeconds: 0.5 };
