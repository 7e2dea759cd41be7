// HTTP plumbing the route handlers share: the one error contract, bodies read within limits, and
// what the client's connection really was (forwarding headers, HTTPS).
export {
  RETRY_AFTER_S,
  domainErrorResponse,
  errorResponse,
  invalidBodyResponse,
  refusalResponse,
  statusForCode,
  unauthenticatedResponse,
} from "./error-response.ts";
export { jsonNestingDepth, parseBoundedJson, readBoundedJson, readBoundedText, type BoundedJson } from "./bounded-json.ts";
export { readBodyWithin, type BodyRead } from "./read-body-within.ts";
export { plainAddress, rewriteForwardedHeaders, type HeaderRecord, type SocketFacts } from "./forwarded-headers.ts";
export { HSTS_VALUE, servedOverHttps } from "./hsts.ts";
