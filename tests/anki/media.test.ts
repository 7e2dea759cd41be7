// Images of an Anki note: pointed at the media route when the package holds them, the app's
// placeholder when it does not; the card renderer shows the route's images and no other local path.
import { describe, expect, it } from "vitest";
import { mediaHash, rewriteMediaRefs, type AnkiMedia } from "@/lib/anki/index.ts";
import { renderCardMarkdown } from "@/lib/notes/index.ts";
import { PNG } from "./collection-builder.ts";

const png: AnkiMedia = { name: "a b.png", mime: "image/png", bytes: PNG, sha256: mediaHash(PNG) };

describe("media references", () => {
  it("rewrites held images by content hash, decoding the name, and lists the missing ones and sounds", () => {
    const out = rewriteMediaRefs("<img src=\"a%20b.png\"> <img src='gone.jpg'> [sound:say.mp3]", new Map([["a b.png", png]]));
    expect(out.html).toContain(`<img src="/api/media/${png.sha256}" alt="a b.png">`);
    expect(out.used).toEqual(["a b.png"]);
    expect(out.missing).toEqual(["gone.jpg", "say.mp3"]);
    expect(out.placeholders).toEqual(["gone.jpg"]);
  });

  it("renders the media route's images on a card and still refuses other local paths", () => {
    expect(renderCardMarkdown(`![k](/api/media/${png.sha256})`)).toContain(`<img src="/api/media/${png.sha256}" alt="k">`);
    expect(renderCardMarkdown("![k](/api/media/../secret)")).not.toContain("<img");
    expect(renderCardMarkdown("![k](/etc/passwd)")).not.toContain("<img");
  });
});
