// "After the browser has painted": the task that follows the next animation frame (frames are
// painted between their animation-frame callbacks and the next task). Work that must not delay
// the next card on screen, such as writing the grade to IndexedDB, waits for it.

/** When no frame comes (a hidden tab, a test without a DOM), the callback runs after this long. */
const NO_FRAME_FALLBACK_MS = 50;

// One frame request and one message port serve every callback waiting for the same frame: a grade
// queues three (the write, React's update, the benchmark's clock), and each channel costs a phone.
let waiting: Array<() => void> = [];
let channel: MessageChannel | null = null;

function runWaiting(): void {
  const due = waiting;
  waiting = [];
  for (const callback of due) callback();
}

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
  waiting.push(once);
  if (waiting.length > 1) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runWaiting;
  }
  const port = channel.port2;
  requestAnimationFrame(() => port.postMessage(null));
}
