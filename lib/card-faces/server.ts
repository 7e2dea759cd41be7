// Card faces on the server, where the action catalogue for policy summaries can be read from disk.
import "server-only";
import type { ActionCatalogue } from "../iam/summary/index.ts";
import { parseScenario } from "../scenarios/index.ts";
import { catalogueFor } from "../scenarios/scenario-files.node.ts";
import { renderStoredCardFaces, type RenderedCardFaces, type StoredCardText } from "./faces.ts";

const catalogues = new Map<string, Promise<ActionCatalogue | undefined>>();

async function catalogueForCard(card: StoredCardText): Promise<ActionCatalogue | undefined> {
  if (card.kind !== "scenario") return undefined;
  let pending = catalogues.get(card.front);
  if (!pending) {
    pending = (async () => {
      try {
        return await catalogueFor(parseScenario(card.front));
      } catch {
        return undefined; // an invalid scenario is reported by renderStoredCardFaces itself
      }
    })();
    // Scenario texts are few (one per scenario file); keeping each one's parse and catalogue saves
    // parsing the scenario again for every card shown (the loader itself keeps the service data).
    if (catalogues.size > 500) catalogues.clear();
    catalogues.set(card.front, pending);
  }
  return pending;
}

/** `timeZone`: the learner's IANA zone, so scenario cards show times in it (UTC when absent). */
export async function renderStoredCardFacesOnServer(card: StoredCardText, now: Date, timeZone?: string): Promise<RenderedCardFaces> {
  return renderStoredCardFaces(card, { now, catalogue: await catalogueForCard(card), timeZone });
}
