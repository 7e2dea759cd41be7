// Stands in for the "server-only" marker under vitest, where no React Server bundle exists.
export {};
