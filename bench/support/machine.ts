import { availableParallelism, cpus, loadavg } from "node:os";

/** The line every benchmark section ends with: the machine, the day, and its load at the end. */
export function machineLine(extra = ""): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  const day = new Date().toISOString().slice(0, 10);
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `Machine: ${availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}; ${day}; load average ${load} (1, 5, 15 min) at the end.${extra ? ` ${extra}` : ""}`;
}
