import "server-only";
import { playScenario, variantNames, type Choice } from "../../classroom/index.ts";
import { renderCardMarkdown } from "../../notes/index.ts";
import { parseScenario, scenarioNames, ScenarioError } from "../../scenarios/index.ts";
import { catalogueForScenario } from "./catalogue.ts";
import { lintScenarioPolicies, type PolicyFindings } from "./preview-findings.ts";

export interface PreviewQuestion {
  promptHtml: string;
  options: Array<Choice & { html: string }>;
  answer: string;
  explanationHtml: string;
}

export type ScenarioPreview =
  | {
      ok: true;
      title: string;
      questions: PreviewQuestion[];
      skipped: number;
      names: Array<{ key: string; kind: string; value: string; example?: string }>;
      /** The policy linter's findings, for each policy that has any. */
      findings: PolicyFindings[];
    }
  | { ok: false; error: { path: string; message: string } };

/**
 * What the editor shows as the instructor types: the first problem with its path, or each question's
 * computed options, answer and explanation; for a template, what one learner's names might be.
 */
export async function previewScenario(source: string, template: boolean, now: Date): Promise<ScenarioPreview> {
  try {
    const catalogue = await catalogueForScenario(parseScenario(source));
    const played = playScenario(source, { now: now.toISOString(), seed: "preview", catalogue });
    const names = scenarioNames(played.scenario.document);
    const example = template ? variantNames(names, "preview-learner") : {};
    return {
      ok: true,
      title: played.answered.title,
      findings: await lintScenarioPolicies(played.scenario.resolved),
      skipped: played.answered.questions.length - played.quizQuestions.length,
      names: names.map((n) => ({ key: n.key, kind: n.kind, value: n.value, ...(example[n.key] ? { example: example[n.key] } : {}) })),
      questions: played.quizQuestions.map((q) => ({
        promptHtml: renderCardMarkdown(q.prompt),
        options: q.options.map((o) => ({ ...o, html: renderCardMarkdown(o.text) })),
        answer: q.answer,
        explanationHtml: renderCardMarkdown(q.explanation),
      })),
    };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, error: { path: error.where.path ?? "", message: error.message } };
    // Half-typed text can reach corners the validator does not cover; the editor shows the message
    // instead of failing the request.
    return { ok: false, error: { path: "", message: error instanceof Error ? error.message : String(error) } };
  }
}
