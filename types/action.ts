/**
 * The shape of a server action's answer, shared by the actions (data/action.ts) and the forms that render it
 * (components/ui/form-message.tsx). Every layer may import this folder, and it imports nothing.
 */

export type FieldErrors = Partial<Record<string, string[]>>;

/** What a form posted, to refill it after a refusal: single fields as strings, multi-value fields as lists. */
export type FormValues = Record<string, string | string[]>;

export interface ActionFailure {
  ok: false;
  message: string;
  /** Messages under the fields they concern, already translated. */
  errors?: FieldErrors;
  /** What the form posted, to refill it. */
  values?: FormValues;
  /** The database could not be reached: nothing was saved, and the same form may be sent again. */
  unavailable?: true;
}

/** What every action answers; `Extra` is what a particular form shows besides the message. */
export type ActionResult<Extra extends object = object> = ({ ok: true; message?: string } & Extra) | (ActionFailure & Partial<Extra>);

/** A form's state before and after an answer (a form starts with `{}`). */
export type FormState<Extra extends object = object> = {
  ok?: boolean;
  message?: string;
  errors?: FieldErrors;
  values?: FormValues;
  unavailable?: true;
} & Partial<Extra>;

/** The posted values of a form with single fields only (lists are left out). */
export function singleValues(values: FormValues | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
