// Presentation of stored cards. `cardFaces` is pure and browser-safe; `cardFacesOnServer` (in
// ./server.ts) adds the Node-only action catalogue that policy-summary questions need.
export { cardFaces, type CardFaces, type FaceOptions, type StoredCardText } from "./faces.ts";
