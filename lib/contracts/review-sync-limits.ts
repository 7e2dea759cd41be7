// The protocol's numbers on their own: the device needs them to cut its batches without loading
// the protocol's schemas (review-sync.ts), which it reads only when an answer arrives.

/** Events per sync request; a device with more pending sends several batches. */
export const MAX_SYNC_BATCH = 500;
/** How far in the future (by the server's clock) an event's time may be before it is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
