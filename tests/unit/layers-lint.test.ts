import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.mjs (and its one home for links), each shown to fail on a planted import (and to pass the allowed one), with
 * the project's own configuration: `npm run lint` fails on such a file.
 */
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

const planted: [string, string, string][] = [
  ['lib/planted.ts', "import { getDb } from '@/db';\nexport const x = getDb;\n", 'lib/ (pure rules) may not import'],
  ['lib/planted.ts', "import { requireUser } from '@/data/auth/session';\nexport const x = requireUser;\n", 'lib/ (pure rules) may not import'],
  ['lib/auth/planted.ts', "import { FieldError } from '../../components/ui/field-error';\nexport const x = FieldError;\n", 'lib/ (pure rules) may not import'],
  ['app/planted.ts', "import { getDb } from '@/db';\nexport const x = getDb;\n", 'app/ may not import'],
  ['app/(dashboard)/planted/page.tsx', "import { findPlan } from '@/db/queries/plans';\nexport const x = findPlan;\n", 'app/ may not import'],
  ['app/(dashboard)/planted/actions.ts', "import type { Db } from '@/db/client';\nexport type X = Db;\n", 'app/ may not import'],
  ['app/api/planted/route.ts', "import { users } from '../../../db/schema';\nexport const x = users;\n", 'app/ may not import'],
  ['components/planted.tsx', "import { getDb } from '@/db';\nexport const x = getDb;\n", 'components/ may not import'],
  ['components/planted.tsx', "import type { Db } from '@/db/client';\nexport type X = Db;\n", 'components/ may not import'],
  ['components/admin/planted.tsx', "import { loadUsers } from '@/data/users';\nexport const x = loadUsers;\n", 'components/ may not import'],
  ['components/overview/planted.tsx', "import type { Pack } from '@/data/meetings-pack';\nexport type X = Pack;\n", 'components/ may not import'],
  ['db/queries/planted.ts', "import { FormMessage } from '@/components/ui/form-message';\nexport const x = FormMessage;\n", 'db/ may not import'],
  ['db/queries/planted.ts', "import { requireUser } from '@/data/auth/session';\nexport const x = requireUser;\n", 'db/ may not import'],
  ['db/planted.ts', "import { signInAction } from '../app/(auth)/sign-in/actions';\nexport const x = signInAction;\n", 'db/ may not import'],
  ['data/planted.ts', "import { FormMessage } from '@/components/ui/form-message';\nexport const x = FormMessage;\n", 'data/ may not import'],
  ['components/ui/planted.tsx', "import { ActionForm } from '@/components/updates/action-form';\nexport const x = ActionForm;\n", 'UI primitives may not import feature components'],
  ['components/ui/planted.tsx', "import { ActionForm } from '../updates/action-form';\nexport const x = ActionForm;\n", 'UI primitives may not import feature components'],
  ['types/planted.ts', "import { getDb } from '@/db';\nexport const x = getDb;\n", 'types/ holds shapes only'],
  // Links go through the app's own Link, which does not prefetch.
  ['app/(dashboard)/planted/page.tsx', "import Link from 'next/link';\nexport const x = Link;\n", "Use { Link } from '@/components/ui/link'"],
  ['components/overview/planted.tsx', "import Link from 'next/link';\nexport const x = Link;\n", "Use { Link } from '@/components/ui/link'"],
];

describe('the layer rules', () => {
  it.each(planted)('%s: %s fails lint', async (file, source, message) => {
    const found = await problems(file, source);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found[0]).toContain(message);
  }, 60_000);

  it.each([
    ['app/planted.ts', "import { requireUser } from '@/data/auth/session';\nimport { FormMessage } from '@/components/ui/form-message';\nimport type { MapCity } from '@/types/charts';\nexport const x = [requireUser, FormMessage];\nexport type X = MapCity;\n"],
    ['data/planted.ts', "import { getDb } from '@/db';\nimport { can } from '@/lib/auth/policy';\nexport const x = [getDb, can];\n"],
    ['components/planted.tsx', "import { FormMessage } from '@/components/ui/form-message';\nimport type { FormState } from '@/types/action';\nexport const x = FormMessage;\nexport type X = FormState;\n"],
    ['components/ui/planted.tsx', "import { FieldError } from './field-error';\nexport const x = FieldError;\n"],
    ['components/overview/planted.tsx', "import { Link } from '@/components/ui/link';\nexport const x = Link;\n"],
    ['types/planted.ts', "export type { UserListItem } from '@/db/queries/users';\n"],
  ])('%s: an allowed import passes', async (file, source) => {
    expect(await problems(file, source)).toEqual([]);
  }, 60_000);
});
