import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParamKind } from './fuzz-inputs';

const root = path.resolve(__dirname, '../../..');

/** The parameters of a server action, from its source: which take the form's FormData, which a value. */
export function actionParams(key: string): ParamKind[] {
  const [file, name] = key.split('#') as [string, string];
  const source = readFileSync(path.join(root, file), 'utf8');
  // Actions made by data/action.ts have the wrapper's signature: (previous state, form), (form) or (value).
  // The registries' record and import actions are made by defineAction in data/registry-kits.ts and
  // data/registries-import.ts.
  const wrapped = new RegExp(
    `export\\s+const\\s+${name}\\s*=\\s*(defineAction|defineFormAction|defineJsonAction|registryRecordActions|registryImportAction)\\b`,
  ).exec(source);
  if (wrapped) {
    const kinds: Record<string, ParamKind[]> = { defineFormAction: ['form'], defineJsonAction: ['value'] };
    return kinds[wrapped[1]!] ?? ['value', 'form'];
  }
  const match = new RegExp(`export\\s+(?:async\\s+)?function\\s+${name}\\s*\\(([^)]*)\\)`).exec(source);
  if (!match) throw new Error(`cannot find the signature of ${key}`);
  return match[1]!
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/FormData/.test(p) ? 'form' : 'value'));
}
