// Serves the production build, as `next start` would, but rewrites X-Forwarded-For and
// X-Forwarded-Proto from the socket first (unless TRUSTED_PROXY is set): Next.js gives route
// handlers no other way to learn the client's address, and passes client-sent headers through.
// Usage: npm start [-- --port 3000 --hostname 127.0.0.1]; PORT is read when --port is not given.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { rewriteForwardedHeaders } from "../lib/http/index.ts";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": give --port or PORT a number from 0 to 65535.`);
  process.exit(1);
}
// Like `next start`, a custom server is production unless told otherwise.
(process.env as Record<string, string>).NODE_ENV ??= "production";

const { default: next } = await import("next");
const app = next({ dev: false, dir: resolve(import.meta.dirname, ".."), port, hostname: values.hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
// Read after prepare(), which loads .env.local as `next start` does.
const { env } = await import("../lib/env.ts");
const trustProxy = env().TRUSTED_PROXY;

const server = createServer((request, response) => {
  rewriteForwardedHeaders(
    request.headers,
    { remoteAddress: request.socket.remoteAddress, encrypted: "encrypted" in request.socket && request.socket.encrypted === true },
    trustProxy,
  );
  void handle(request, response);
});
// Idle keep-alive connections outlive the clients' own idle timeouts (undici's is 4 s), so a
// client never sends a request on a socket the server is closing at that instant.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, values.hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${values.hostname ?? "localhost"}:${address.port}` : String(address);
  console.log(`IAM Recall ready on http://${shown}${trustProxy ? " (trusting the proxy's X-Forwarded-* headers)" : ""}`);
});
