// "After the browser has painted": the task that follows the next animation frame (frames are
// painted between their animation-frame callbacks and the next task). Work that must not delay
// the next card on screen, such as writing the grade to IndexedDB, waits for it.

/** When no frame comes (a hidden tab, a test without a DOM), the callback runs after this long. */
const NO_FRAME_FALLBACK_MS = 50;

/**
 * Calls `callback` once, in the first task after the next painted frame, or after `fallbackMs`
 * if no frame comes first. A measurement of paint time passes null: it must wait for the frame.
 */
export function afterNextPaint(callback: () => void, fallbackMs: number | null = NO_FRAME_FALLBACK_MS): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    callback();
  };
  if (typeof requestAnimationFrame !== "function") {
    setTimeout(once, 0);
    return;
  }
  if (fallbackMs !== null) setTimeout(once, fallbackMs);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
}
