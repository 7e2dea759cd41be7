import { Playground } from "@/components/playground/playground.tsx";

export const metadata = {
  title: "Policy playground",
  description: "Edit IAM policies and a request, and see the decision, the deciding statement and the explanation as you type.",
};

export default function PlaygroundPage() {
  return (
    <>
      <h1>Policy playground</h1>
      <p className="muted">
        Edit the policies and the request: the decision, the statement that decides it and the explanation follow as you type, computed in
        your browser by the same evaluator the cards use. Share the state with its link, or keep it as a scenario card.
      </p>
      <Playground />
    </>
  );
}
