export function FieldError({ id, messages }: { id: string; messages?: string[] | undefined }) {
  return (
    <div id={id} aria-live="polite">
      {messages?.map((m) => (
        <p key={m} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}
