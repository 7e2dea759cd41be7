// Card faces on the server, where the action catalogue for policy summaries can be read from disk.
import type { ActionCatalogue } from "../iam/summary/index.ts";
import { parseScenario } from "../quiz/index.ts";
import { catalogueFor } from "../quiz/node.ts";
import { cardFaces, type CardFaces, type StoredCardText } from "./faces.ts";

const catalogues = new Map<string, Promise<ActionCatalogue | undefined>>();

async function catalogueForCard(card: StoredCardText): Promise<ActionCatalogue | undefined> {
  if (card.kind !== "scenario") return undefined;
  let pending = catalogues.get(card.front);
  if (!pending) {
    pending = (async () => {
      try {
        return await catalogueFor(parseScenario(card.front));
      } catch {
        return undefined; // an invalid scenario is reported by cardFaces itself
      }
    })();
    // Scenario texts are few (one per scenario file); keeping their catalogues saves a disk read per card shown.
    if (catalogues.size > 500) catalogues.clear();
    catalogues.set(card.front, pending);
  }
  return pending;
}

export async function cardFacesOnServer(card: StoredCardText, now: Date): Promise<CardFaces> {
  return cardFaces(card, { now, catalogue: await catalogueForCard(card) });
}
