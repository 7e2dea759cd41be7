"use client";

import { useState } from "react";
import { PRESETS, type Preset } from "@/lib/playground/index.ts";
import styles from "./playground.module.css";

export function PresetMenu({ current, onLoad }: { current: Preset | null; onLoad(preset: Preset): void }) {
  const [chosen, setChosen] = useState(current?.id ?? PRESETS[0]!.id);
  return (
    <div>
      <form
        className={styles.toolbar}
        onSubmit={(e) => {
          e.preventDefault();
          const preset = PRESETS.find((p) => p.id === chosen);
          if (preset) onLoad(preset);
        }}
      >
        <div className={`field ${styles.field}`}>
          <label htmlFor="preset">Start from an example</label>
          <select id="preset" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Load example
        </button>
      </form>
      {current ? (
        <p className={styles.hint} data-testid="preset-hint">
          <strong>{current.title}.</strong> {current.hint}
        </p>
      ) : null}
    </div>
  );
}
