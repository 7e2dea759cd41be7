"use server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/index.ts";
import {
  addCardQuestions,
  addScenarioCard,
  addScenarioQuestions,
  moveQuestion,
  removeQuestion,
  setQuestionPoints,
  updateQuizSettings,
  type QuestionEdit,
} from "@/lib/db/classroom/index.ts";
import type { AddFromDeckState, AddScenarioState, QuizSettingsState } from "@/components/classroom/builder-types.ts";

const id = z.string().min(1).max(64);
const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
const optionalDate = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    // datetime-local has no zone; the form says the times are UTC.
    const date = new Date(`${v}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Not a date and time." });
      return z.NEVER;
    }
    return date;
  });

const SettingsForm = z
  .object({
    title: z.string().trim().min(1, { error: "Give the quiz a title." }).max(160),
    timeLimitMinutes: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 600) {
          ctx.addIssue({ code: "custom", message: "Whole minutes from 1 to 600, or empty for no limit." });
          return z.NEVER;
        }
        return n;
      }),
    opensAt: optionalDate,
    closesAt: optionalDate,
    shuffle: z.boolean(),
    showResults: z.boolean(),
    published: z.boolean(),
  })
  .refine((s) => !s.opensAt || !s.closesAt || s.opensAt < s.closesAt, {
    path: ["closesAt"],
    message: "The quiz must close after it opens.",
  });

export async function saveQuizSettingsAction(quizId: string, _previous: QuizSettingsState, formData: FormData): Promise<QuizSettingsState> {
  const instructor = await requireRole(["instructor", "admin"]);
  const values = {
    title: text(formData.get("title")),
    timeLimitMinutes: text(formData.get("timeLimitMinutes")),
    opensAt: text(formData.get("opensAt")),
    closesAt: text(formData.get("closesAt")),
    shuffle: formData.get("shuffle") === "on",
    showResults: formData.get("showResults") === "on",
    published: formData.get("published") === "on",
  };
  if (!id.safeParse(quizId).success) notFound();
  const parsed = SettingsForm.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  if (!(await updateQuizSettings(instructor, quizId, parsed.data))) notFound();
  revalidatePath(`/teach/quizzes/${quizId}`);
  return { values, fieldErrors: {}, savedAt: Date.now() };
}

/** A refused edit: 404 for what is not the instructor's, otherwise the reason comes back in the page. */
function settle(quizId: string, outcome: QuestionEdit | { ok: false; code: "invalid"; message: string }): string | undefined {
  if (!outcome.ok && outcome.code === "not_found") notFound();
  revalidatePath(`/teach/quizzes/${quizId}`);
  return outcome.ok ? undefined : outcome.message;
}

const CardForm = z.object({ quizId: id, cardId: id, template: z.boolean() });

export async function addCardAction(_previous: AddFromDeckState, formData: FormData): Promise<AddFromDeckState> {
  const instructor = await requireRole(["instructor", "admin"]);
  const parsed = CardForm.safeParse({
    quizId: formData.get("quizId"),
    cardId: formData.get("cardId"),
    template: formData.get("template") === "on",
  });
  if (!parsed.success) notFound();
  const { quizId, cardId, template } = parsed.data;
  const outcome =
    formData.get("kind") === "scenario"
      ? await addScenarioCard(instructor, quizId, cardId, template, new Date())
      : await addCardQuestions(instructor, quizId, [cardId], new Date());
  const error = settle(quizId, outcome);
  return error ? { error } : { addedAt: Date.now() };
}

const ScenarioForm = z.object({ source: z.string().min(1, { error: "Write a scenario first." }).max(200_000), template: z.boolean() });

export async function addScenarioAction(quizId: string, _previous: AddScenarioState, formData: FormData): Promise<AddScenarioState> {
  const instructor = await requireRole(["instructor", "admin"]);
  if (!id.safeParse(quizId).success) notFound();
  // A textarea is sent with CRLF line ends; the scenario is kept as typed, with the editor's own line ends.
  const source = text(formData.get("source")).replace(/\r\n?/g, "\n");
  const parsed = ScenarioForm.safeParse({ source, template: formData.get("template") === "on" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid scenario." };
  const error = settle(quizId, await addScenarioQuestions(instructor, quizId, parsed.data, new Date()));
  return error ? { error } : { addedAt: Date.now() };
}

const QuestionForm = z.object({
  quizId: id,
  questionId: id,
  intent: z.enum(["up", "down", "remove", "points"]),
  points: z.coerce.number().int().min(0).max(100).optional(),
});

export async function editQuestionAction(formData: FormData): Promise<void> {
  const instructor = await requireRole(["instructor", "admin"]);
  const parsed = QuestionForm.safeParse({
    quizId: formData.get("quizId"),
    questionId: formData.get("questionId"),
    intent: formData.get("intent"),
    points: formData.get("points") ?? undefined,
  });
  if (!parsed.success) notFound();
  const { quizId, questionId, intent, points } = parsed.data;
  const outcome =
    intent === "remove"
      ? await removeQuestion(instructor, quizId, questionId)
      : intent === "points"
        ? await setQuestionPoints(instructor, quizId, questionId, points ?? 1)
        : await moveQuestion(instructor, quizId, questionId, intent === "up" ? -1 : 1);
  settle(quizId, outcome);
}
