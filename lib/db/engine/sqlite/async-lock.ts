// A first-come, first-served lock for async work: one Prisma connection runs one transaction at a
// time, and waiting for it must not block the event loop.
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves, in call order, once every earlier holder has released; gives back the release. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const granted = this.#tail.then(() => once(release));
    this.#tail = this.#tail.then(() => released);
    return granted;
  }

  /** Like acquire, but gives up after `ms` with null; a turn that comes later is handed straight back. */
  async acquireWithin(ms: number): Promise<(() => void) | null> {
    const granted = this.acquire();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, ms))));
    const release = await Promise.race([granted, late]);
    clearTimeout(timer);
    if (release === null) void granted.then((giveBack) => giveBack());
    return release;
  }
}

function once(release: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    release();
  };
}
