import bcrypt from "bcryptjs";
import { buildReviewFixture } from "../bench/support/review-fixture.ts";
import { signInOverHttp, startServer } from "../bench/support/server.ts";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 3000, studiedPerLearner: 2500, duePerLearner: 2500, logsPerLearner: 5000, decksPerLearner: 10, now, passwordHash: await bcrypt.hash("pw pw pw pw 1", 10) });
const s = await startServer(f.file);
try {
  const cookie = await signInOverHttp(s.baseUrl, f.learners[0]!.email, "pw pw pw pw 1");
  for (const [label, path, body] of [["next", "/api/review", { type: "next" }], ["session", "/api/auth/session", null], ["signin page", "/signin", null]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      const r = body ? await fetch(s.baseUrl + path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) }) : await fetch(s.baseUrl + path, { headers: { cookie } });
      await r.text();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(label, "median", times[7]!.toFixed(1), "min", times[0]!.toFixed(1));
  }
} finally { s.stop(); }
