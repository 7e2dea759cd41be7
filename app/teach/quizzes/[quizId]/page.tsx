import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/index.ts";
import { builderDeckCards, builderDecks, findOwnQuiz } from "@/lib/db/classroom/index.ts";
import { QuizSettingsForm } from "@/components/classroom/quiz-settings-form.tsx";
import { QuestionList } from "@/components/classroom/question-list.tsx";
import { DeckPicker } from "@/components/classroom/deck-picker.tsx";
import { ScenarioEditor } from "@/components/classroom/scenario-editor.tsx";
import { localInputValue } from "@/components/classroom/builder-types.ts";
import { pickerRows, quizContents } from "@/lib/classroom/index.ts";
import { addCardAction, addScenarioAction, editQuestionAction, saveQuizSettingsAction } from "@/app/actions/quiz-builder.ts";

export const metadata = { title: "Quiz builder" };

export default async function QuizBuilderPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizId: string }>;
  searchParams: Promise<{ deck?: string }>;
}) {
  const { quizId } = await params;
  const { deck } = await searchParams;
  const instructor = await requireRole(["instructor", "admin"], `/teach/quizzes/${quizId}`);
  const quiz = await findOwnQuiz(instructor, quizId);
  if (!quiz) notFound();
  const [decks, chosen] = await Promise.all([builderDecks(instructor), deck ? builderDeckCards(instructor, deck) : null]);
  const total = quiz.questions.reduce((sum, q) => sum + q.points, 0);
  return (
    <>
      <p className="muted">
        <Link href="/teach">Your classes</Link> › <Link href={`/teach/classes/${quiz.classroom.id}`}>{quiz.classroom.name}</Link> ›{" "}
        {quiz.title}
      </p>
      <div className="page-head">
        <h1>{quiz.title}</h1>
        <Link className="button secondary" href={`/teach/quizzes/${quiz.id}/results`}>
          Results
        </Link>
      </div>
      {quiz.locked ? (
        <p className="form-error">Learners have started this quiz, so its questions are frozen; settings can still change.</p>
      ) : null}
      <section className="panel">
        <h2>Settings</h2>
        <QuizSettingsForm
          action={saveQuizSettingsAction.bind(null, quiz.id)}
          current={{
            title: quiz.title,
            timeLimitMinutes: quiz.timeLimitMinutes?.toString() ?? "",
            opensAt: localInputValue(quiz.opensAt),
            closesAt: localInputValue(quiz.closesAt),
            shuffle: quiz.shuffle,
            showResults: quiz.showResults,
            published: quiz.published,
          }}
        />
      </section>
      <section>
        <h2>
          Questions ({quiz.questions.length}, {total} points)
        </h2>
        <QuestionList quizId={quiz.id} questions={quiz.questions} locked={quiz.locked} edit={editQuestionAction} />
      </section>
      {quiz.locked ? null : (
        <>
          <section className="panel">
            <h2>Add cards and scenarios from a deck</h2>
            <p className="muted">
              A card becomes multiple choice: its back against the backs of other cards in its deck. A scenario adds all of its questions at
              once.
            </p>
            <DeckPicker
              quizId={quiz.id}
              decks={decks}
              chosen={chosen?.id ?? null}
              rows={chosen ? pickerRows(chosen.cards, quizContents(quiz.questions)) : null}
              add={addCardAction}
            />
          </section>
          <section className="panel">
            <h2>Write a scenario</h2>
            <ScenarioEditor action={addScenarioAction.bind(null, quiz.id)} disabled={quiz.locked} />
          </section>
        </>
      )}
    </>
  );
}
