// What every simulated STS call needs from the outside world, passed in so calls stay pure: the
// current time, and a random source for the calls that mint credentials.

import type { Instant } from "./clock.ts";
import type { RandomSource } from "../../random/index.ts";
import type { ContextValue } from "../types.ts";

export interface TimeAndRandomness {
  now: Instant;
  /** Used only by calls that mint credentials. */
  random: RandomSource;
  /** Keys AWS sets from how the call was sent (aws:SecureTransport, aws:SourceIp), read by its permission checks. */
  requestContext?: Record<string, ContextValue>;
}
