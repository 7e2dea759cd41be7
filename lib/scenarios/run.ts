// Plays a scenario's steps in order over a copy of its world: requests are evaluated, STS calls
// mint sessions later steps sign with, changes edit the world, advanceTime moves the clock. Probes
// (requests a question wants replayed right after some step) are evaluated as the world stands then.

import { seededRandom, type Session } from "../iam/sts/index.ts";
import { applyChange } from "./changes.ts";
import { evaluateRequest, type RequestOutcome, type RequestSpecLike } from "./requests.ts";
import type { CallerSpec, ScenarioDocument, StepSpec } from "./schema.ts";
import { runStsCall, type StsOutcome } from "./sts-steps.ts";
import { initialWorld } from "./world.ts";

export type StepOutcome =
  | { id: string; index: number; label?: string; kind: "request"; spec: StepSpec; request: RequestOutcome }
  | { id: string; index: number; label?: string; kind: "sts"; spec: StepSpec; sts: StsOutcome }
  | { id: string; index: number; label?: string; kind: "change"; spec: StepSpec; change: string };

/** A request to evaluate right after a step, under a key the asking question chooses. */
export interface Probe {
  key: string;
  afterStep: string;
  as: CallerSpec;
  request: RequestSpecLike;
}

export interface ScenarioRun {
  steps: StepOutcome[];
  byId: ReadonlyMap<string, StepOutcome>;
  probes: ReadonlyMap<string, RequestOutcome>;
  /** The scenario's start time, epoch ms. */
  startMs: number;
}

export interface RunOptions {
  nowMs: number;
  seed: number | string;
  probes?: Probe[];
}

/** The id a step goes by: its own, or its 1-based position. */
export function stepId(step: StepSpec, index: number): string {
  return step.id !== undefined ? String(step.id) : String(index + 1);
}

export function runScenario(document: ScenarioDocument, options: RunOptions): ScenarioRun {
  const world = initialWorld(document);
  const random = seededRandom(options.seed);
  const sessions = new Map<string, Session>();
  const encodedMessages = new Map<string, string>();
  const steps: StepOutcome[] = [];
  const byId = new Map<string, StepOutcome>();
  const probes = new Map<string, RequestOutcome>();
  const now = () => options.nowMs + world.elapsedSeconds * 1000;

  document.steps.forEach((step, index) => {
    const id = stepId(step, index);
    const common = { id, index, spec: step, ...(step.label !== undefined ? { label: step.label } : {}) };
    let outcome: StepOutcome;
    if (step.request) {
      const request = evaluateRequest(world, sessions, step.request.as, step.request, now());
      if (request.encodedMessage) encodedMessages.set(id, request.encodedMessage);
      outcome = { ...common, kind: "request", request };
    } else if (step.sts) {
      const sts = runStsCall(step.sts, { world, sessions, nowMs: now(), random, encodedMessages });
      if (sts.session) sessions.set(id, sts.session);
      outcome = { ...common, kind: "sts", sts };
    } else {
      outcome = { ...common, kind: "change", change: applyChange(world, step.change!) };
    }
    steps.push(outcome);
    byId.set(id, outcome);
    for (const probe of options.probes ?? []) {
      if (probe.afterStep === id) probes.set(probe.key, evaluateRequest(world, sessions, probe.as, probe.request, now()));
    }
  });
  return { steps, byId, probes, startMs: options.nowMs };
}
