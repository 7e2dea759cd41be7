// The Anki export's thread: one deck's cards in slices, then its media and clock; the .apkg bytes
// out (moved, not copied), then its parent ends it. Any error escapes, so the parent sees the
// worker fail.
import { parentPort } from "node:worker_threads";
import { writeApkg, type ExportCard } from "../export.ts";
import type { WriteApkgMessage, WriteApkgReply } from "./messages.ts";

const port = parentPort;
if (port) {
  const cards: ExportCard[] = [];
  port.on("message", (message: WriteApkgMessage) => {
    if ("cards" in message) {
      for (const card of message.cards) cards.push(card);
      return;
    }
    const bytes = writeApkg({ cards, media: message.media, now: message.now });
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const reply: WriteApkgReply = { ok: true, bytes };
    port.postMessage(reply, whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);
  });
}
