import type { ActionResult, FormState } from './action';

/**
 * The state each feature's forms keep between an action's answers: the shared answer (types/action.ts) and what a
 * particular form shows besides it. The actions answer these; the forms in components/ render them.
 */

export type RegistryFormState = FormState<{
  /** A change that skips a stage: the form shows this question with a checkbox named `confirm`. */
  confirm: { question: string; label: string };
  /** Changes on every answer, so the form remounts with the returned values. */
  attempt: number;
}>;

/** The registries' import form: the row-by-row report and, after a check, the rows to import if chosen. */
export type ImportState = FormState<{
  problems: { row: number; column: string; message: string }[];
  validCount: number;
  /** The checked rows (JSON), posted back by "import the valid rows"; they are checked again then. */
  rows: string;
}>;

/** Every /plans form: a message, further notes, field errors and the submitted values, to refill the form. */
export type PlanFormState = FormState<{
  /** Further lines shown with the message (e.g. indicators copied without an actual). */
  notes: string[];
  /** Every bad row of an imported workbook: sheet, row, column and what is wrong, translated. */
  problems: { sheet: string; row: number; column: string; message: string }[];
}>;
export type PlanFormAction = (state: PlanFormState, formData: FormData) => Promise<PlanFormState>;

/** The user administration's forms. */
export type UserActionState = FormState<{
  /** A one-time set-password link: shown once, never stored in plain text. */
  link: { url: string; expires: string };
  /** Whose link it is. */
  subject: string;
}>;

export type AdminSettingsState = FormState<{ requireAdmin2fa: boolean }>;

export type SignInState = FormState<{
  /** 'code': the password was right and the account asks for its two-factor code next. */
  step: 'password' | 'code';
  email: string;
}>;

export type SetPasswordState = FormState<{ done: boolean }>;

export type ChangePasswordState = FormState;

/** The two-factor code forms: field errors, or the recovery codes to show once, or a done message. */
export type TwoFactorCodeState = FormState<{ recoveryCodes: string[]; done: boolean }>;

/** The small forms of the updates (approve, return, submit, withdraw, lock): a message, and field errors. */
export type SimpleActionState = FormState;

export type LogProgressState = FormState<{
  /** Plausibility questions: the form shows them with a "save anyway" checkbox. */
  warnings: string[];
}>;

/** The flags of a value being typed on the log form (nothing stored): translated, to show beside the field. */
export type FlagPreviewAnswer = ActionResult<{ flags: string[] }>;

export type CorrectionState = FormState<{
  /** Someone changed the update meanwhile: its newer figure and version, for the editor to choose. */
  conflict: { version: number; figure: number | null; note: string | null };
  /** The data-quality flags of the corrected figures, when their note is missing. */
  warnings: string[];
}>;

export interface ImportRowMessage {
  row: number;
  column: string;
  message: string;
}

/** One chunk of a progress import: what was checked and imported, and the rows with problems or warnings. */
export type ImportChunkAnswer = ActionResult<{
  checked: number;
  good: number;
  imported: number;
  alreadyImported: number;
  bad: ImportRowMessage[];
  warnings: ImportRowMessage[];
}>;

/** The meeting, item, status and comment forms: single values and checkbox lists apart, to refill the form. */
export type MeetingFormState = FormState<{
  lists: Record<string, string[]>;
  /** Changes on every answer, so that forms remount with the returned values. */
  attempt: number;
}>;

/** The narrative's forms. */
export type NarrativeFormState = FormState<{ attempt: number }>;
