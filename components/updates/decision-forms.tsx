import type { ComponentProps } from 'react';
import { ActionForm } from './action-form';

/**
 * A reviewer's answer on a queue's row: approve, or the other decision (return an update, refuse a withdrawal)
 * with an optional comment. Who asked for the decision sees why they cannot make it instead.
 */
export function DecisionForms({
  own,
  ownText,
  action,
  hidden,
  approveLabel,
  other,
  pendingLabel,
}: {
  own: boolean;
  ownText: string;
  action: ComponentProps<typeof ActionForm>['action'];
  hidden: Record<string, string | number>;
  approveLabel: string;
  other: { decision: string; label: string; commentLabel: string };
  pendingLabel: string;
}) {
  if (own) return <p className="muted">{ownText}</p>;
  return (
    <>
      <ActionForm action={action} hidden={{ ...hidden, decision: 'approve' }} label={approveLabel} pendingLabel={pendingLabel} />
      <ActionForm action={action} hidden={{ ...hidden, decision: other.decision }} label={other.label} pendingLabel={pendingLabel}>
        <label>
          {other.commentLabel}
          <input name="comment" type="text" maxLength={1000} />
        </label>
      </ActionForm>
    </>
  );
}
