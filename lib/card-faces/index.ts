// Public face of card faces: a stored card's front and back as HTML, whatever its kind.
// `renderStoredCardFaces` is pure and browser-safe; `renderStoredCardFacesOnServer` (./server.ts,
// Node only) adds the action catalogue that policy-summary questions need.
export { renderStoredCardFaces, type RenderedCardFaces, type CardFaceOptions, type StoredCardText } from "./faces.ts";
