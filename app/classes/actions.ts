"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/index.ts";
import { joinClass } from "@/lib/db/classroom/index.ts";

export interface JoinState {
  fieldErrors: { code?: string[] };
}

const JoinForm = z.object({ code: z.string().trim().min(1, { error: "Type the code your instructor gave you." }).max(32) });

export async function joinClassAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  const user = await requireUser("/classes");
  const parsed = JoinForm.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const joined = await joinClass(user, parsed.data.code);
  if (!joined.ok) {
    return {
      fieldErrors: {
        code: [joined.code === "own_class" ? "You teach this class." : "No class has this code. Check it with your instructor."],
      },
    };
  }
  redirect(`/classes/${joined.classId}`);
}
