/**
 * A form's submit button: while the action runs it says so and cannot be pressed twice (aria-disabled keeps it
 * announced as unavailable).
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  describedBy,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  describedBy?: string;
}) {
  return (
    <div>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending} aria-describedby={describedBy}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
