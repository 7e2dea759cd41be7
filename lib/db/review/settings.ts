import "server-only";
import { DEFAULT_SETTINGS, parseSettings, type SchedulerSettings } from "../../srs/index.ts";
import { prisma } from "../client.ts";

/** The learner's scheduler settings; stored settings that no longer validate fall back to defaults. */
export async function loadSchedulerSettings(userId: string): Promise<SchedulerSettings> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { schedulerSettings: true } });
  return parseStoredSettings(user.schedulerSettings);
}

export function parseStoredSettings(json: string): SchedulerSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const parsed = parseSettings(raw);
  return parsed.ok ? parsed.value : DEFAULT_SETTINGS;
}

export async function saveSchedulerSettings(userId: string, settings: SchedulerSettings): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { schedulerSettings: JSON.stringify(settings) } });
}
