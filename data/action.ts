import 'server-only';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/errors';
import type { Action } from '@/lib/auth/policy';
import { getCurrentUser, requireActionUser, type CurrentUser } from './auth/session';
import type { ActionFailure, FieldErrors, FormState, FormValues } from '@/types/action';
import { formObject, isFormData } from './form-data';
import { invalidate, type Change } from './invalidate';

/**
 * The one way to write a server action. Server actions are public POST endpoints, so every one runs the same
 * steps in the same order: authenticate and authorize through the policy (401 / 403, and admins who must
 * enrol in two-factor sign-in can only manage their own account) → refuse an argument that is not a form →
 * parse the form with the action's zod schema (field-level errors) → run the body → invalidate what it changed →
 * answer one typed result. A database-unavailable error anywhere becomes `{ ok: false, unavailable: true }`:
 * the body's change went through a db/queries write function, which runs the change and its audit row in one
 * transaction, so nothing of it is half-written. An action states only its policy, schema and body.
 */

export type Translator = Awaited<ReturnType<typeof getTranslations>>;
export type { ActionFailure, ActionResult, FieldErrors, FormState, FormValues } from '@/types/action';
/** The database handle a body passes to the db/queries write functions. */
export type { Db } from '@/db/client';

/** For a form that shows only its message: every field error, in one line. */
export const allFieldErrors = (errors: FieldErrors): string => Object.values(errors).flat().join(' ');

/** What the wrapper reads from a body's answer and strips before the form sees it. */
interface Effects {
  /** What the write changed (used on success only). */
  invalidate?: readonly Change[];
  /** A page to land on after a success, e.g. the record just created. */
  redirectTo?: string;
}

/** What a body answers: a success or a refusal, with whatever the form shows besides the message. */
export type Outcome = (({ ok: true; message?: string } | ActionFailure) & Effects) & object;

/** The answer a form receives: the body's (without the effects), or a refusal of the wrapper's. */
export type Answer<R> = (R extends unknown ? Omit<R, keyof Effects> : never) | ActionFailure;

/** Who may call an action: an action of the policy, or public with the reason it needs no sign-in. */
export type Policy = Action | { public: string };

type ActorOf<P extends Policy> = P extends Action ? CurrentUser : CurrentUser | null;

export interface ActionContext<Input, P extends Policy = Action> {
  /** The caller, checked against the users table on this request (null only for a public action). */
  actor: ActorOf<P>;
  input: Input;
  /** What the form posted (for refilling it, or a field the schema does not cover). */
  values: FormValues;
  formData: FormData;
  /** Pass it to the db/queries write functions: each writes its change and audit row in one transaction. */
  db: Db;
  t: Translator;
}

export interface FormActionDefinition<S extends z.ZodType, R extends Outcome, P extends Policy> {
  policy: P;
  schema: S;
  /** The form fields the schema reads; by default the keys of an object schema. */
  fields?: readonly string[];
  /** Fields posted as several values (checkbox lists). */
  multi?: readonly string[];
  /** Fields posted under names made by the form (e.g. one per period), gathered into the object the schema reads. */
  collect?: (formData: FormData) => Record<string, unknown>;
  /**
   * The message shown with field errors: a catalog key; null for a form whose field errors say it all; or made
   * from the errors, for a form that shows only its message.
   */
  invalidMessage?: string | null | ((errors: FieldErrors) => string);
  /** Whether a refusal sends the posted values back to refill the form (never for passwords or codes). */
  refill?: boolean;
  /** Applied to every answer the form receives (e.g. a marker that remounts it). */
  finish?: (answer: FormState) => FormState;
  body: (context: ActionContext<z.output<S>, P>) => Promise<R>;
}

export interface JsonActionDefinition<S extends z.ZodType, R extends Outcome> {
  policy: Action;
  /** Parses the whole argument (an action called from code with a plain object, not from a form). */
  schema: S;
  invalidMessage?: string;
  body: (context: Omit<ActionContext<z.output<S>>, 'values' | 'formData'>) => Promise<R>;
}

const policies = new WeakMap<object, Policy>();

/** The policy an action was defined with, or undefined for a function that did not come from this module. */
export function policyOf(action: unknown): Policy | undefined {
  return typeof action === 'function' ? policies.get(action) : undefined;
}

function registered<F extends object>(fn: F, policy: Policy): F {
  policies.set(fn, policy);
  return fn;
}

const isPublic = (policy: Policy): policy is { public: string } => typeof policy === 'object';

async function authorize<P extends Policy>(policy: P): Promise<ActorOf<P>> {
  return (isPublic(policy) ? await getCurrentUser() : await requireActionUser(policy)) as ActorOf<P>;
}

/**
 * Zod issues under their fields, translated; form-wide issues under `form`. The schemas' messages are catalog
 * keys; zod's own English (a type it did not expect) becomes a plain "not valid" in the reader's language.
 */
export function fieldErrors(t: Translator, error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const message = t(t.has(issue.message) ? issue.message : 'errors.fieldInvalid');
    if (!out[field]?.includes(message)) (out[field] ??= []).push(message);
  }
  return out;
}

function fieldNames(schema: z.ZodType, fields?: readonly string[]): readonly string[] {
  if (fields) return fields;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) throw new Error('A form action whose schema is not an object names its fields.');
  return Object.keys(shape);
}

/** The answer to a database-unavailable error, or the error thrown on. */
async function unavailable(error: unknown): Promise<ActionFailure> {
  if (!isDatabaseUnavailable(error)) throw error;
  const t = await getTranslations();
  return { ok: false, message: t('errors.notSavedUnavailable'), unavailable: true };
}

async function unreadable(): Promise<ActionFailure> {
  const t = await getTranslations();
  return { ok: false, message: t('errors.requestUnreadable') };
}

/** Strips what only the wrapper reads, runs the invalidation, and tells where to go next. */
function settle<R extends Outcome>(outcome: R): { result: Answer<R>; redirectTo?: string } {
  const { invalidate: changes, redirectTo, ...result } = outcome;
  if (!result.ok) return { result: result as unknown as Answer<R> };
  if (changes?.length) invalidate(changes);
  return { result: result as unknown as Answer<R>, redirectTo };
}

async function runForm<S extends z.ZodType, R extends Outcome, P extends Policy>(
  definition: FormActionDefinition<S, R, P>,
  formData: unknown,
): Promise<Answer<R>> {
  const finish = (answer: FormState) => (definition.finish ? definition.finish(answer) : answer) as Answer<R>;
  const refill = (values: FormValues) => (definition.refill === false ? {} : { values });
  let next: string | undefined;
  let values: FormValues = {};
  try {
    // A public action looks at its argument before anything else; any other authorizes first.
    if (isPublic(definition.policy) && !isFormData(formData)) return finish(await unreadable());
    const actor = await authorize(definition.policy);
    if (!isFormData(formData)) return finish(await unreadable());
    const t = await getTranslations();
    const form = formObject(formData, fieldNames(definition.schema, definition.fields), definition.multi);
    values = form.values;
    const parsed = definition.schema.safeParse({ ...form.raw, ...definition.collect?.(formData) });
    if (!parsed.success) {
      const errors = fieldErrors(t, parsed.error);
      const said = definition.invalidMessage;
      const message = said === null ? '' : typeof said === 'function' ? said(errors) : t(said ?? 'errors.formInvalid');
      return finish({ ok: false, message, errors, ...refill(values) });
    }
    const db = await getDb();
    const { result, redirectTo } = settle(await definition.body({ actor, input: parsed.data, values, formData, db, t }));
    if (!result.ok && !('values' in result)) Object.assign(result, refill(values));
    next = redirectTo;
    if (!next) return finish(result);
  } catch (error) {
    return finish({ ...(await unavailable(error)), ...refill(values) });
  }
  redirect(next);
}

/** An action for `useActionState`: `(previous state, form) → answer`. */
export function defineAction<S extends z.ZodType, R extends Outcome, P extends Policy = Action>(
  definition: FormActionDefinition<S, R, P>,
): (previous: unknown, formData: FormData) => Promise<Answer<R>> {
  return registered(async (_previous: unknown, formData: FormData) => runForm(definition, formData), definition.policy);
}

/** An action for a plain `<form action>`: the same steps; the page it revalidates or redirects to shows the outcome. */
export function defineFormAction<S extends z.ZodType, R extends Outcome, P extends Policy = Action>(
  definition: FormActionDefinition<S, R, P>,
): (formData: FormData) => Promise<void> {
  return registered(async (formData: FormData) => {
    await runForm(definition, formData);
  }, definition.policy);
}

/** An action called from code with a plain object (e.g. one chunk of an import): authorize → parse → body. */
export function defineJsonAction<S extends z.ZodType, R extends Outcome>(
  definition: JsonActionDefinition<S, R>,
): (input: unknown) => Promise<Answer<R>> {
  return registered(async (input: unknown): Promise<Answer<R>> => {
    let next: string | undefined;
    try {
      const actor = await requireActionUser(definition.policy);
      const t = await getTranslations();
      const parsed = definition.schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, message: t(definition.invalidMessage ?? 'errors.requestUnreadable'), errors: fieldErrors(t, parsed.error) };
      }
      const { result, redirectTo } = settle(await definition.body({ actor, input: parsed.data, db: await getDb(), t }));
      next = redirectTo;
      if (!next) return result;
    } catch (error) {
      return unavailable(error);
    }
    redirect(next);
  }, definition.policy);
}
