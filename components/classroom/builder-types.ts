// State shared by the quiz builder's forms and their server actions.

export interface QuizSettingsValues {
  title: string;
  timeLimitMinutes: string;
  opensAt: string;
  closesAt: string;
  shuffle: boolean;
  showResults: boolean;
  published: boolean;
}

export interface QuizSettingsState {
  values: QuizSettingsValues;
  fieldErrors: Partial<Record<keyof QuizSettingsValues, string[]>>;
  savedAt?: number;
}

export interface AddScenarioState {
  error?: string;
  addedAt?: number;
}

/** One picker row's form: what adding its card or scenario did. */
export interface AddFromDeckState {
  error?: string;
  addedAt?: number;
}

/** A Date as the value of an <input type="datetime-local">, in UTC. */
export function localInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : "";
}
