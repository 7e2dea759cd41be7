import "server-only";
import { DEFAULT_SETTINGS, parseSettings, type SchedulerSettings } from "../../srs/index.ts";
import { prisma } from "../client.ts";
import { jsonColumn } from "../json-column.ts";

/** The learner's scheduler settings; stored settings that no longer validate fall back to defaults. */
export async function loadSchedulerSettings(userId: string): Promise<SchedulerSettings> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { schedulerSettings: true } });
  return parseStoredSettings(user.schedulerSettings);
}

/** The Json column's value, checked by lib/srs's zod schema. */
export function parseStoredSettings(stored: unknown): SchedulerSettings {
  const parsed = parseSettings(stored);
  return parsed.ok ? parsed.value : DEFAULT_SETTINGS;
}

export async function saveSchedulerSettings(userId: string, settings: SchedulerSettings): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { schedulerSettings: jsonColumn(settings) } });
}
