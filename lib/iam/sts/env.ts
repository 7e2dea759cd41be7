// What every simulated call needs from the outside world, passed in so calls stay pure.

import type { Instant } from "./clock.ts";
import type { RandomSource } from "./random.ts";

export interface StsEnv {
  now: Instant;
  /** Used only by calls that mint credentials. */
  random: RandomSource;
}
