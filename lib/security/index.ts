// What every page and state-changing request passes first: the Content-Security-Policy, and the
// refusal of requests from other origins or with bodies not sent as JSON.
export { pageContentSecurityPolicy } from "./csp.ts";
export { refuseCrossOrigin, refuseNonJson, refuseUnsafeJsonRequest, type RequestRefusal } from "./request-guard.ts";
