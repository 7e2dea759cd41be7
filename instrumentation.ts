// Runs once when the server starts. The Node-only check lives in its own module so the Edge
// bundle of this file never sees process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { checkDatabaseAtStartup } = await import("./lib/db/startup-check.ts");
    await checkDatabaseAtStartup();
  }
}
