import { SCENARIO_EXAMPLES } from "./scenario-examples.ts";

/**
 * How to write a scenario, in the builder itself: the parts of the document, the kinds of question,
 * and worked examples that load into the editor. Rendered inside the (client) editor.
 */
export function ScenarioGuide({ onUse }: { onUse: (source: string) => void }) {
  return (
    <details className="scenario-guide panel" data-testid="scenario-guide">
      <summary>How to write a scenario</summary>
      <p>
        A scenario is a small AWS world, a few things that happen in it, and questions about them. You never type an answer: the app
        evaluates every request with its IAM engine, then builds the options and the explanation from what it found. Change a policy and the
        answers change with it.
      </p>
      <h3>The parts, top to bottom</h3>
      <dl className="guide-parts">
        <dt>
          <code>title</code>, <code>deck</code>
        </dt>
        <dd>What learners see as the heading, and the deck a missed question goes to in their review (a list of names).</dd>
        <dt>
          <code>names</code>
        </dt>
        <dd>
          Optional. Each name has a <code>kind</code> (account, user, group, role, bucket, key, instance, policy, session, text) and a{" "}
          <code>value</code>. Write <code>{"{{bucket}}"}</code> wherever the value belongs. In a template, each learner gets other values,
          so answers cannot be copied from a neighbour.
        </dd>
        <dt>
          <code>accounts</code>
        </dt>
        <dd>
          Each account has an <code>id</code> (12 digits) and its <code>users</code>, <code>groups</code> and <code>roles</code>. Principals
          carry inline <code>policies</code> by name; a role needs a <code>trustPolicy</code>. Policies are ordinary IAM JSON, written as
          YAML or JSON.
        </dd>
        <dt>
          <code>resources</code>
        </dt>
        <dd>
          Things with an <code>arn</code>, the <code>account</code> that owns them and, if they have one, a resource
          <code> policy</code> (a bucket policy, a key policy).
        </dd>
        <dt>
          <code>steps</code>
        </dt>
        <dd>
          What happens, in order. A step is one of: a <code>request</code> (who, <code>as</code>; the <code>action</code>; the{" "}
          <code>resource</code>), an <code>sts</code> call (AssumeRole, GetSessionToken…) or a <code>change</code> to the world
          (removeStatement, attachPolicy, setBoundary…). Give a step an <code>id</code> to point at it and a <code>label</code> to name it
          in words.
        </dd>
        <dt>
          <code>questions</code>
        </dt>
        <dd>Each points at a step and has a kind:</dd>
      </dl>
      <ul className="guide-kinds">
        <li>
          <code>allowed</code>: is this request allowed?
        </li>
        <li>
          <code>decidingPolicy</code>: which policy, and which statement in it, decides?
        </li>
        <li>
          <code>change</code>: after this change, which of these earlier requests (<code>requests</code>, one to three) are allowed?
        </li>
        <li>
          <code>sts</code> with <code>ask</code> (outcome, duration, credential or decoded): what does this STS call give back?
        </li>
        <li>
          <code>summary</code> with <code>policy</code>: what does this policy allow?
        </li>
        <li>
          <code>whichCall</code> with <code>candidates</code> and <code>then</code>: whose credentials may make this call?
        </li>
      </ul>
      <p>
        A caller (<code>as</code>) is <code>{"{ user: alice }"}</code>, <code>{"{ role: Name }"}</code>,{" "}
        <code>{"{ instance: i-0abc }"}</code>, <code>{"{ session: step-id }"}</code> (credentials from an STS step),{" "}
        <code>{"{ root: account }"}</code>, <code>{"{ service: ec2.amazonaws.com }"}</code> or <code>{"{ anonymous: true }"}</code>. A
        question may set its own <code>prompt</code>; otherwise one is written for it.
      </p>
      <p>
        The editor checks the text as you type. A problem is named by its place in the document, such as{" "}
        <code>accounts[0].roles[0].trustPolicy</code>, and the preview shows each question with its computed answer before you add it.
      </p>
      <h3>Examples</h3>
      <ul className="guide-examples">
        {SCENARIO_EXAMPLES.map((example) => (
          <li key={example.name}>
            <p>
              <strong>{example.name}</strong>: {example.teaches}
            </p>
            <pre className="guide-example" tabIndex={0} aria-label={`Example: ${example.name}`}>
              {example.source}
            </pre>
            <button className="button small secondary" type="button" onClick={() => onUse(example.source)}>
              Use “{example.name}” in the editor
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
