// The playground's examples are a learner's first sight of the linter: each lints clean in its
// place, with the real catalogue, so a finding there always means the learner's own edit.

import { describe, expect, it } from "vitest";
import { PRESETS } from "../../../lib/playground/index.ts";
import { lintPolicy } from "../../../lib/iam/lint/index.ts";
import { loadLintCatalogue } from "../../../lib/iam/lint/catalogue.node.ts";

describe("playground presets", () => {
  it.each(PRESETS.flatMap((p) => p.state.policies.map((d, i) => [`${p.id} policy ${i} (${d.kind})`, d] as const)))(
    "%s lints clean",
    async (_, draft) => {
      const catalogue = await loadLintCatalogue(draft.text);
      expect(lintPolicy(draft.text, { place: draft.kind, catalogue })).toEqual([]);
    },
  );
});
