"use client";

// The linter's findings for one editor's text, computed in the browser a moment after typing stops.
// The linter's code is loaded on first use (its own chunk, not the page's bundle) and each service's
// catalogue data is fetched once per page, only for the services the policies name.

import { useEffect, useState } from "react";
import type { CatalogueIndex, Finding, LintPlace, ServiceData } from "@/lib/iam/lint/index.ts";

const DEBOUNCE_MS = 300;
/** More prefixes than this in one policy are not fetched (the rest lint without service data). */
const MAX_SERVICES = 20;

let linter: Promise<typeof import("@/lib/iam/lint/index.ts")> | undefined;
let index: Promise<CatalogueIndex | undefined> | undefined;
const services = new Map<string, Promise<ServiceData | null | undefined>>();

async function fetchJson<T>(url: string): Promise<T | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

function loadIndex(): Promise<CatalogueIndex | undefined> {
  index ??= fetchJson<CatalogueIndex>("/playground/catalogue").then((loaded) => {
    if (!loaded) index = undefined; // try again on the next edit
    return loaded;
  });
  return index;
}

function loadService(prefix: string, known: ReadonlySet<string>): Promise<ServiceData | null | undefined> {
  if (!known.has(prefix)) return Promise.resolve(null);
  let pending = services.get(prefix);
  if (!pending) {
    pending = fetchJson<ServiceData>(`/playground/catalogue/${encodeURIComponent(prefix)}`).then((data) => {
      if (!data) services.delete(prefix);
      return data;
    });
    services.set(prefix, pending);
  }
  return pending;
}

async function lintText(text: string, place: LintPlace): Promise<Finding[]> {
  linter ??= import("@/lib/iam/lint/index.ts");
  const lint = await linter;
  const loadedIndex = await loadIndex();
  const data: Record<string, ServiceData | null> = {};
  if (loadedIndex) {
    const known = new Set(loadedIndex.services);
    const prefixes = [...lint.servicePrefixesOf(text)].slice(0, MAX_SERVICES);
    const loaded = await Promise.all(prefixes.map((p) => loadService(p, known)));
    prefixes.forEach((p, i) => {
      const entry = loaded[i];
      if (entry !== undefined) data[p] = entry;
    });
  }
  return lint.lintPolicy(text, { place, catalogue: lint.createLintCatalogue(loadedIndex, data) });
}

/** Findings for `text`, or null while the first result is being computed. */
export function useLintFindings(text: string, place: LintPlace): Finding[] | null {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      lintText(text, place).then(
        (result) => current && setFindings(result),
        () => current && setFindings([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, place]);
  return findings;
}
