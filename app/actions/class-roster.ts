"use server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/index.ts";
import { createQuiz, removeLearner } from "@/lib/db/classroom/index.ts";

const id = z.string().min(1).max(64);
const RemoveForm = z.object({ classId: id, learnerId: id });
const QuizForm = z.object({ classId: id, title: z.string().trim().min(1).max(160) });

export async function removeLearnerAction(formData: FormData): Promise<void> {
  const instructor = await requireRole(["instructor", "admin"]);
  const parsed = RemoveForm.safeParse({ classId: formData.get("classId"), learnerId: formData.get("learnerId") });
  if (!parsed.success) notFound();
  if (!(await removeLearner(instructor, parsed.data.classId, parsed.data.learnerId))) notFound();
  revalidatePath(`/teach/classes/${parsed.data.classId}`);
}

export async function createQuizAction(formData: FormData): Promise<void> {
  const instructor = await requireRole(["instructor", "admin"]);
  const parsed = QuizForm.safeParse({ classId: formData.get("classId"), title: formData.get("title") || "Untitled quiz" });
  if (!parsed.success) notFound();
  const created = await createQuiz(instructor, parsed.data.classId, parsed.data.title);
  if (!created) notFound();
  redirect(`/teach/quizzes/${created.id}`);
}
