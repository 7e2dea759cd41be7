// An import to apply and a backup restore run as jobs: their POST answers 202 with the run's address
// (Location), which answers 202 until the run ends and then what the POST itself answered before it
// ran as a job. Tests that post over HTTP follow the run to that last answer, as the pages do.

/** How long a run may take before the test gives up on it. */
const RUN_TIMEOUT_MS = 120_000;

export async function followRun(baseUrl: string, first: Response, cookie: string): Promise<Response> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  let answer = first;
  while (answer.status === 202) {
    const location = answer.headers.get("location");
    if (!location) throw new Error(`a 202 without a Location: ${await answer.text()}`);
    await answer.arrayBuffer();
    if (Date.now() > deadline) throw new Error(`the run at ${location} did not end in ${RUN_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await fetch(new URL(location, baseUrl), { headers: { cookie } });
  }
  return answer;
}
