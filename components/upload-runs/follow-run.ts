// An import or restore that writes runs as a job on the server: its request is answered 202 with
// the run to follow (Location: /api/upload-runs/<id>), and that address answers 202 until the run
// ends, then what the upload's request itself answered before it ran as a job. Following turns the
// first answer into that last one, so a form handles it as it always did.

/** How often a running import or restore is asked about: quick enough to feel done when it is. */
const POLL_MS = 500;
/** Polls that may fail in a row (the connection dropped, a server restarting) before the page gives up following. */
const MAX_MISSES = 60;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function followUploadRun(first: Response): Promise<Response> {
  let answer = first;
  while (answer.status === 202) {
    const { runId } = (await answer.json().catch(() => ({}))) as { runId?: string };
    const location = answer.headers.get("Location") ?? (runId ? `/api/upload-runs/${encodeURIComponent(runId)}` : null);
    if (!location) throw new Error("The server accepted the upload without saying where to follow it.");
    answer = await pollOnce(location);
  }
  return answer;
}

/** The run's next answer; a dropped connection or a busy server (503) is asked again, a while. */
async function pollOnce(location: string): Promise<Response> {
  for (let misses = 0; ; misses++) {
    await wait(POLL_MS);
    const answer = await fetch(location, { cache: "no-store" }).catch(() => null);
    if (answer && answer.status !== 503) return answer;
    if (misses >= MAX_MISSES) {
      if (answer) return answer;
      throw new Error("The server could not be reached while following the upload.");
    }
  }
}
