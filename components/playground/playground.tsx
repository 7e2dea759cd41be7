"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  createEvaluator,
  decodeState,
  DEFAULT_PRESET,
  encodeState,
  type PlaygroundState,
  type PolicyDraft,
  type Preset,
  type RequestDraft,
} from "@/lib/playground/index.ts";
import { AddPolicy } from "./add-policy.tsx";
import { DecisionPanel, outcomeSummary } from "./decision-panel.tsx";
import { PolicyEditor, type Band } from "./policy-editor.tsx";
import { PresetMenu } from "./preset-menu.tsx";
import { RequestForm } from "./request-form.tsx";
import { ScenarioCardButton } from "./scenario-card-button.tsx";
import { ShareLink } from "./share-link.tsx";
import styles from "./playground.module.css";

declare global {
  interface Window {
    /** Milliseconds from each edit's input event to the painted decision; read by bench/playground.ts. */
    __playgroundTimings?: number[];
    /** The same, to React's commit of the new decision (before the browser lays out and paints). */
    __playgroundCommitTimings?: number[];
  }
}

const NO_BANDS: readonly Band[] = [];

function sameBands(a: readonly Band[], b: readonly Band[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.tone === b[i]!.tone && x.lines.start === b[i]!.lines.start && x.lines.end === b[i]!.lines.end)
  );
}

export function Playground() {
  const [state, setState] = useState<PlaygroundState>(DEFAULT_PRESET.state);
  const [preset, setPreset] = useState<Preset | null>(DEFAULT_PRESET);
  const [linkError, setLinkError] = useState<string | null>(null);
  // Set once the page is interactive and any shared state is open (tests and the benchmark wait on it).
  const [ready, setReady] = useState(false);
  const evaluator = useMemo(() => createEvaluator(), []);
  // Evaluated in the same render as the keystroke: parsing is cached per policy text and a case
  // evaluates in a few milliseconds even throttled, so a debounce or a deferred second render
  // would only add latency (measured in bench/playground.ts).
  const outcome = useMemo(() => evaluator(state), [evaluator, state]);
  const typedAt = useRef<number | null>(null);
  const edited = useRef(false);

  useLayoutEffect(() => {
    const at = typedAt.current;
    if (at === null) return;
    typedAt.current = null;
    (window.__playgroundCommitTimings ??= []).push(performance.now() - at);
    // The frame after this commit is painted between its animation-frame callback and the next
    // task: the time of that task is when the learner can see the new decision.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__playgroundTimings ??= []).push(performance.now() - at);
      channel.port2.postMessage(null);
    });
  }, [outcome]);

  // Open the state a shared link carries, now and whenever the fragment changes.
  useEffect(() => {
    const load = () => {
      // An in-page anchor (the skip link's #main) is not a state.
      if (!location.hash || location.hash === "#" || document.getElementById(decodeURIComponent(location.hash.slice(1)))) return;
      const decoded = decodeState(location.hash);
      if (decoded.ok) {
        setState(decoded.state);
        setPreset(null);
        setLinkError(null);
      } else {
        setLinkError(decoded.error);
      }
    };
    load();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- ready means the URL's shared state was read, which only the browser can do
    setReady(true);
    window.addEventListener("hashchange", load);
    return () => window.removeEventListener("hashchange", load);
  }, []);

  // Keep the address bar on the current state (after the learner changes something), so a reload
  // or a copied address brings it back.
  useEffect(() => {
    if (!edited.current) return;
    const timer = setTimeout(() => history.replaceState(history.state, "", `#${encodeState(state)}`), 250);
    return () => clearTimeout(timer);
  }, [state]);

  const change = useCallback((update: (s: PlaygroundState) => PlaygroundState, at: number) => {
    edited.current = true;
    typedAt.current = at;
    setState(update);
  }, []);

  const onText = useCallback(
    (index: number, text: string, at: number) =>
      change((s) => ({ ...s, policies: s.policies.map((p, i) => (i === index ? { ...p, text } : p)) }), at),
    [change],
  );
  const onName = useCallback(
    (index: number, name: string) =>
      change((s) => ({ ...s, policies: s.policies.map((p, i) => (i === index ? { ...p, name } : p)) }), performance.now()),
    [change],
  );
  const onRemove = useCallback(
    (index: number) => change((s) => ({ ...s, policies: s.policies.filter((_, i) => i !== index) }), performance.now()),
    [change],
  );
  const onAdd = useCallback(
    (draft: PolicyDraft) => change((s) => ({ ...s, policies: [...s.policies, draft] }), performance.now()),
    [change],
  );
  const onRequest = useCallback((request: RequestDraft, at: number) => change((s) => ({ ...s, request }), at), [change]);
  const onPreset = useCallback(
    (p: Preset) => {
      change(() => structuredClone(p.state), performance.now());
      setPreset(p);
      setLinkError(null);
    },
    [change],
  );
  const currentLink = useCallback(() => {
    const fragment = `#${encodeState(state)}`;
    history.replaceState(history.state, "", fragment);
    return `${location.origin}${location.pathname}${fragment}`;
  }, [state]);

  // Bands keep their identity while the deciding lines stay put, so untouched editors skip rendering.
  const previousBands = useRef(new Map<number, Band[]>());
  const bands = useMemo(() => {
    const byPolicy = new Map<number, Band[]>();
    for (const d of outcome.result?.deciding ?? []) {
      if (!d.lines) continue;
      const list = byPolicy.get(d.policyIndex) ?? [];
      list.push({ lines: d.lines, tone: d.effect === "Allow" ? "allow" : "deny" });
      byPolicy.set(d.policyIndex, list);
    }
    // The previous bands are a cache, not state: reusing an unchanged policy's bands keeps its
    // editor from repainting on every keystroke elsewhere.
    for (const [index, list] of byPolicy) {
      // eslint-disable-next-line react-hooks/refs -- a cache read, see above
      const before = previousBands.current.get(index);
      if (before && sameBands(before, list)) byPolicy.set(index, before);
    }
    // eslint-disable-next-line react-hooks/refs -- a cache write, see above
    previousBands.current = byPolicy;
    return byPolicy;
  }, [outcome]);

  const summary = outcomeSummary(outcome);
  return (
    <div className={styles.layout} data-testid="playground" data-ready={ready ? "true" : undefined}>
      <div className={styles.work}>
        {linkError ? (
          <p className={`form-error ${styles.linkError}`} role="alert" data-testid="link-error">
            {linkError} The example below is shown instead.
          </p>
        ) : null}
        <div className="panel">
          <PresetMenu current={preset} onLoad={onPreset} />
        </div>
        <RequestForm request={state.request} problems={outcome.requestProblems} onChange={onRequest} />
        {state.policies.map((draft, i) => (
          <PolicyEditor
            key={i}
            index={i}
            draft={draft}
            name={outcome.names[i] ?? draft.name}
            check={outcome.checks[i]}
            bands={bands.get(i) ?? NO_BANDS}
            onText={onText}
            onName={onName}
            onRemove={onRemove}
          />
        ))}
        {state.policies.length === 0 ? <p className="muted">No policies: every request is implicitly denied. Add one below.</p> : null}
        <div className="panel">
          <AddPolicy policies={state.policies} onAdd={onAdd} />
        </div>
        <div className={styles.bar} aria-hidden="true" data-testid="decision-bar">
          <span>{outcome.result ? summary.split(",")[0]?.replace(/\.$/, "") : "No decision: see the errors"}</span>
          <button
            type="button"
            className="linklike"
            tabIndex={-1}
            onClick={() => document.getElementById("decision")?.scrollIntoView({ behavior: "smooth" })}
          >
            Why?
          </button>
        </div>
      </div>
      <aside className={styles.side} aria-label="Decision and sharing">
        <div className="stack">
          <DecisionPanel outcome={outcome} />
          <p className="visually-hidden" aria-live="polite" data-testid="live">
            {summary}
          </p>
          <div className="panel stack">
            <ShareLink currentLink={currentLink} />
            <ScenarioCardButton state={state} />
          </div>
        </div>
      </aside>
    </div>
  );
}
