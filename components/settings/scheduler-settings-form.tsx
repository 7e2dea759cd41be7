"use client";
import { useActionState } from "react";
import { saveSettingsAction } from "@/app/settings/actions.ts";
import { FieldError } from "@/components/ui/field-error.tsx";
import { TextField } from "@/components/ui/text-field.tsx";
import type { GeneralField, GeneralSettingsState } from "./settings-types.ts";
import styles from "./settings.module.css";
import { FormError } from "@/components/ui/form-error.tsx";

export interface GeneralValues {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  maximumInterval: number;
  fuzz: boolean;
  timeZone: string;
}

function NumberField({
  name,
  label,
  hint,
  value,
  errors,
  step,
  min,
  max,
}: {
  name: GeneralField;
  label: string;
  hint?: string;
  value: string;
  errors?: string[] | undefined;
  step?: string;
  min?: number;
  max?: number;
}) {
  return (
    <TextField
      id={name}
      label={label}
      hint={hint}
      errors={errors}
      name={name}
      type="number"
      inputMode="decimal"
      step={step}
      min={min}
      max={max}
      defaultValue={value}
    />
  );
}

function StepsField({
  name,
  label,
  hint,
  value,
  errors,
}: {
  name: GeneralField;
  label: string;
  hint: string;
  value: string;
  errors?: string[] | undefined;
}) {
  return (
    <TextField id={name} label={label} hint={hint} errors={errors} name={name} defaultValue={value} autoComplete="off" spellCheck={false} />
  );
}

export function SchedulerSettingsForm({ current, timeZones }: { current: GeneralValues; timeZones: readonly string[] }) {
  const [state, action, pending] = useActionState<GeneralSettingsState, FormData>(saveSettingsAction, { values: {}, fieldErrors: {} });
  const value = (field: GeneralField, fallback: string) => state.values[field] ?? fallback;
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate aria-labelledby="general-heading">
      <h2 id="general-heading">Scheduling</h2>
      <FormError message={state.formError}>
        {state.savedAt && !state.formError && Object.keys(errors).length === 0 && (
          <p className={styles.saved} role="status">
            Settings saved.
          </p>
        )}
      </FormError>
      <NumberField
        name="desiredRetention"
        label="Desired retention"
        step="0.01"
        min={0.7}
        max={0.99}
        hint="The chance of remembering a card when it comes due, from 0.70 to 0.99. Higher means more reviews."
        value={value("desiredRetention", String(current.desiredRetention))}
        errors={errors.desiredRetention}
      />
      <div className={styles.row}>
        <NumberField
          name="newPerDay"
          label="New cards per day"
          step="1"
          min={0}
          value={value("newPerDay", String(current.newPerDay))}
          errors={errors.newPerDay}
        />
        <NumberField
          name="reviewsPerDay"
          label="Reviews per day"
          step="1"
          min={0}
          value={value("reviewsPerDay", String(current.reviewsPerDay))}
          errors={errors.reviewsPerDay}
        />
      </div>
      <div className={styles.row}>
        <StepsField
          name="learningSteps"
          label="Learning steps"
          hint='Like "1m 10m": m minutes, h hours, d days.'
          value={value("learningSteps", current.learningSteps.join(" "))}
          errors={errors.learningSteps}
        />
        <StepsField
          name="relearningSteps"
          label="Relearning steps"
          hint='After a lapse, like "10m".'
          value={value("relearningSteps", current.relearningSteps.join(" "))}
          errors={errors.relearningSteps}
        />
      </div>
      <NumberField
        name="maximumInterval"
        label="Maximum interval (days)"
        step="1"
        min={1}
        max={36500}
        value={value("maximumInterval", String(current.maximumInterval))}
        errors={errors.maximumInterval}
      />
      <div className={`field ${styles.checkbox}`}>
        <label>
          <input type="checkbox" name="fuzz" defaultChecked={state.values.fuzz !== undefined ? state.values.fuzz === "on" : current.fuzz} />
          Fuzz intervals
        </label>
        <span className="hint">Spreads cards learned together over nearby days, so they do not all fall due at once.</span>
      </div>
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <select
          id="timeZone"
          name="timeZone"
          className={styles.select}
          defaultValue={value("timeZone", current.timeZone)}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby="timeZone-hint timeZone-error"
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <span id="timeZone-hint" className="hint">
          Your day starts at 4 a.m. in this zone.
        </span>
        <FieldError id="timeZone-error" messages={errors.timeZone} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
