"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/index.ts";
import { createClass } from "@/lib/db/classroom/index.ts";

export interface CreateClassState {
  fieldErrors: { name?: string[] };
}

const ClassForm = z.object({
  name: z.string().trim().min(1, { error: "Give the class a name." }).max(120, { error: "At most 120 characters." }),
});

export async function createClassAction(_previous: CreateClassState, formData: FormData): Promise<CreateClassState> {
  const instructor = await requireRole(["instructor", "admin"], "/teach");
  const parsed = ClassForm.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const created = await createClass(instructor, parsed.data.name);
  if (!created) return { fieldErrors: { name: ["Only instructors create classes."] } };
  redirect(`/teach/classes/${created.id}`);
}
