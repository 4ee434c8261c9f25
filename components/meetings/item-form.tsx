'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import type { MeetingFormState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;

export interface ItemFormChoices {
  owners: { id: string; name: string }[];
  goals: { id: number; code: string; label: string }[];
  indicators: { id: number; code: string; label: string }[];
}

/** Recording or editing an item: kind, text, owner (a user or a name), due date, and the goals and indicators it concerns. */
export function ItemForm({
  action,
  hidden,
  initial,
  initialLists,
  choices,
}: {
  action: Action;
  hidden: Record<string, number>;
  initial: Record<string, string>;
  initialLists: { goalIds: string[]; indicatorIds: string[] };
  choices: ItemFormChoices;
}) {
  const t = useTranslations('meetings.itemForm');
  const tk = useTranslations('meetings.itemKind');
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const lists = { ...initialLists, ...(state.lists ?? {}) };
  const errors = state.errors ?? {};
  const checkboxes = (name: 'goalIds' | 'indicatorIds', legend: string, options: ItemFormChoices['goals']) => (
    <fieldset className="field" aria-describedby={errors[name]?.length ? `item-${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 ? <p className="muted">{t('noLinks')}</p> : null}
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" name={name} value={o.id} defaultChecked={lists[name].includes(String(o.id))} /> {o.code} · {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`item-${name}-error`} errors={errors[name]} />
    </fieldset>
  );
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormField id="item-kind" label={t('kind')} errors={errors.kind}>
        {(aria) => (
          <select name="kind" defaultValue={values.kind || 'action_item'} {...aria}>
            {(['recommendation', 'decision', 'action_item'] as const).map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="item-text" label={t('text')} errors={errors.text}>
        {(aria) => <textarea name="text" rows={3} maxLength={2000} required defaultValue={values.text} {...aria} />}
      </FormField>
      <FormField id="item-ownerId" label={t('owner')} errors={errors.ownerId}>
        {(aria) => (
          <select name="ownerId" defaultValue={values.ownerId ?? ''} {...aria}>
            <option value="">{t('noOwner')}</option>
            {choices.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="item-ownerName" label={t('ownerName')} hint={t('ownerNameHint')} errors={errors.ownerName}>
        {(aria) => <input name="ownerName" type="text" maxLength={200} defaultValue={values.ownerName} {...aria} />}
      </FormField>
      <FormField id="item-dueOn" label={t('dueOn')} errors={errors.dueOn}>
        {(aria) => <input name="dueOn" type="date" defaultValue={values.dueOn} {...aria} />}
      </FormField>
      {checkboxes('goalIds', t('goals'), choices.goals)}
      {checkboxes('indicatorIds', t('indicators'), choices.indicators)}
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}
