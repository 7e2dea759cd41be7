// A CPU budget for one benchmark process tree, through a Linux cgroup's cpu controller: the
// several-servers run gives each app server the same fraction of a core, so that on a machine of
// two cores the servers, not the load generator or PostgreSQL beside them, are what runs out, as
// when each app server has a machine of its own. Needs root and a writable cgroup (v1 `cpu`, as on
// these machines, or v2 with the cpu controller); null where there is none, and the caller says so.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PERIOD_US = 100_000;

export interface CpuCap {
  /** The file a process writes its pid to, to enter the group (its children follow). */
  procsFile: string;
  cores: number;
  /** Removes the group once its processes are gone (a group with processes stays). */
  remove(): void;
}

function makeGroup(parent: string, name: string): string | null {
  const path = join(parent, name);
  try {
    mkdirSync(path, { recursive: true });
    return path;
  } catch {
    return null;
  }
}

export function createCpuCap(name: string, cores: number): CpuCap | null {
  const quota = Math.round(cores * PERIOD_US);
  const v1 = "/sys/fs/cgroup/cpu";
  const v2 = "/sys/fs/cgroup";
  let path: string | null = null;
  try {
    if (existsSync(join(v1, "cpu.cfs_quota_us"))) {
      path = makeGroup(v1, name);
      if (path) {
        writeFileSync(join(path, "cpu.cfs_period_us"), String(PERIOD_US));
        writeFileSync(join(path, "cpu.cfs_quota_us"), String(quota));
      }
    } else if (existsSync(join(v2, "cgroup.controllers")) && readFileSync(join(v2, "cgroup.controllers"), "utf8").includes("cpu")) {
      path = makeGroup(v2, name);
      if (path) writeFileSync(join(path, "cpu.max"), `${quota} ${PERIOD_US}`);
    }
  } catch {
    path = null;
  }
  if (!path) return null;
  const group = path;
  return {
    procsFile: join(group, "cgroup.procs"),
    cores,
    remove() {
      try {
        rmdirSync(group);
      } catch {
        // still has processes, or already gone: the next run's mkdir reuses it
      }
    },
  };
}

/** The share of the machine's cores busy between two readings of /proc/stat (0 to 1); null off Linux. */
export function cpuBusyMeter(): () => number | null {
  const read = () => {
    try {
      const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
      const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
      return { idle, total };
    } catch {
      return null;
    }
  };
  const start = read();
  return () => {
    const end = read();
    if (!start || !end || end.total === start.total) return null;
    return 1 - (end.idle - start.idle) / (end.total - start.total);
  };
}
