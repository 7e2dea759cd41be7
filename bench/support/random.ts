// The benchmarks' and test fixtures' seeded generator is the one the classroom uses for shuffles.
export { mulberry32 } from "../../lib/classroom/random.ts";
