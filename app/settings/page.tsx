import { requireUser } from "@/lib/auth/index.ts";
import { loadLearnerSettings } from "@/lib/db/index.ts";
import { SchedulerSettingsForm } from "@/components/settings/scheduler-settings-form.tsx";
import { DeckOverridesForm } from "@/components/settings/deck-overrides-form.tsx";
import { OptimizePanel } from "@/components/settings/optimize-panel.tsx";
import { BackupPanel } from "@/components/settings/backup-panel.tsx";
import { timeZoneChoices } from "@/components/settings/time-zones.ts";
import styles from "@/components/settings/settings.module.css";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const { settings, timeZone, decks } = await loadLearnerSettings(user);
  return (
    <>
      <h1>Settings</h1>
      <div className={styles.sections}>
        <div className="panel">
          <SchedulerSettingsForm current={{ ...settings, timeZone }} timeZones={timeZoneChoices(timeZone)} />
        </div>
        <div className="panel">
          <DeckOverridesForm decks={decks} overrides={settings.decks} defaults={settings} />
        </div>
        <div className="panel">
          <OptimizePanel optimized={settings.parameters !== undefined} />
        </div>
        <div className="panel">
          <BackupPanel />
        </div>
      </div>
    </>
  );
}
