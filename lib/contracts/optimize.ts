// POST /api/optimize takes an empty JSON object: the learner's own reviews are the whole input.
import { z } from "zod";

export const OptimizeRequestSchema = z.object({}).strict();
