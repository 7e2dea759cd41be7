// What every simulated STS call needs from the outside world, passed in so calls stay pure: the
// current time, and a random source for the calls that mint credentials.

import type { Instant } from "./clock.ts";
import type { RandomSource } from "../../random/index.ts";

export interface TimeAndRandomness {
  now: Instant;
  /** Used only by calls that mint credentials. */
  random: RandomSource;
}
