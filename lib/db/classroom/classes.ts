import "server-only";
import { randomBytes } from "node:crypto";
import { isJoinCode, makeJoinCode, normaliseJoinCode } from "../../classroom/index.ts";
import { prisma } from "../client.ts";
import { isUniqueViolation } from "../unique-violation.ts";
import type { SessionUser } from "../users.ts";

const TEACHING_ROLES = new Set(["instructor", "admin"]);

/** Instructors and admins teach; a learner's call gets the same answer as a missing class. */
export function teaches(user: SessionUser): boolean {
  return TEACHING_ROLES.has(user.role);
}

export async function createClass(instructor: SessionUser, name: string): Promise<{ id: string } | null> {
  if (!teaches(instructor)) return null;
  // 31^8 codes: a collision is rare, and the unique index turns it into a retry.
  for (let tries = 0; tries < 5; tries++) {
    try {
      return await prisma.classroom.create({
        data: { instructorId: instructor.id, name, joinCode: makeJoinCode(randomBytes(8)) },
        select: { id: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("could not find a free join code");
}

export async function listTaughtClasses(instructor: SessionUser) {
  if (!teaches(instructor)) return [];
  return prisma.classroom.findMany({
    where: { instructorId: instructor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { members: true, quizzes: true } } },
  });
}

/** One of the instructor's own classes with its learners and quizzes, or null (callers answer 404). */
export async function findTaughtClass(instructor: SessionUser, classId: string) {
  if (!teaches(instructor)) return null;
  return prisma.classroom.findFirst({
    where: { id: classId, instructorId: instructor.id },
    select: {
      id: true,
      name: true,
      joinCode: true,
      members: { orderBy: { joinedAt: "asc" }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      quizzes: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          title: true,
          published: true,
          opensAt: true,
          closesAt: true,
          _count: { select: { questions: true, attempts: true } },
        },
      },
    },
  });
}

/** Removes a learner from one of the instructor's classes; false when there is nothing to remove. */
export async function removeLearner(instructor: SessionUser, classId: string, learnerId: string): Promise<boolean> {
  if (!teaches(instructor)) return false;
  const removed = await prisma.classMember.deleteMany({
    where: { userId: learnerId, classroom: { id: classId, instructorId: instructor.id } },
  });
  return removed.count === 1;
}

/** What the join page shows for a code: the class's name and its instructor. */
export async function findClassByJoinCode(typed: string) {
  const code = normaliseJoinCode(typed);
  if (!isJoinCode(code)) return null;
  return prisma.classroom.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, instructorId: true, instructor: { select: { name: true, email: true } } },
  });
}

export type JoinOutcome = { ok: true; classId: string } | { ok: false; code: "not_found" | "own_class" };

/** Joins the class with this code; joining twice is the same as joining once. */
export async function joinClass(user: SessionUser, typed: string): Promise<JoinOutcome> {
  const found = await findClassByJoinCode(typed);
  if (!found) return { ok: false, code: "not_found" };
  if (found.instructorId === user.id) return { ok: false, code: "own_class" };
  await prisma.classMember.upsert({
    where: { classroomId_userId: { classroomId: found.id, userId: user.id } },
    create: { classroomId: found.id, userId: user.id },
    update: {},
  });
  return { ok: true, classId: found.id };
}

/** What a learner sees of a class they joined: its published quizzes and their own attempts. */
function joinedClassSelect(learnerId: string) {
  return {
    id: true,
    name: true,
    instructor: { select: { name: true, email: true } },
    quizzes: {
      where: { published: true },
      orderBy: { createdAt: "desc" as const },
      select: {
        id: true,
        title: true,
        opensAt: true,
        closesAt: true,
        timeLimitMinutes: true,
        showResults: true,
        attempts: { where: { userId: learnerId }, select: { submittedAt: true, score: true, maxScore: true } },
      },
    },
  };
}

/** The classes a learner has joined, with their published quizzes and the learner's attempts. */
export async function listJoinedClasses(learner: SessionUser) {
  return prisma.classroom.findMany({
    where: { members: { some: { userId: learner.id } } },
    orderBy: { name: "asc" },
    select: joinedClassSelect(learner.id),
  });
}

/** One joined class, or null when the learner is not a member (callers answer 404). */
export async function findJoinedClass(learner: SessionUser, classId: string) {
  const classes = await prisma.classroom.findMany({
    where: { id: classId, members: { some: { userId: learner.id } } },
    select: joinedClassSelect(learner.id),
  });
  return classes[0] ?? null;
}
