import { simulateReviews } from "./tests/srs/fixtures/simulated-reviews.ts";
import { optimizeParameters } from "./lib/srs/optimize.ts";
import { trainingData } from "./lib/srs/optimizer-data.ts";
for (const total of [500, 1000, 1500, 100000]) {
  let t = performance.now();
  const logs = simulateReviews({ totalReviews: total });
  const gen = performance.now() - t;
  t = performance.now();
  const d = trainingData(logs);
  const prep = performance.now() - t;
  t = performance.now();
  const r = await optimizeParameters(logs, { onProgress: (a, b) => {} });
  console.log(total, "gen", gen.toFixed(0), "prep", prep.toFixed(0), "opt", (performance.now() - t).toFixed(0), d.items, JSON.stringify(r).slice(0, 300));
}
