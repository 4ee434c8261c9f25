import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers, enforced: app/ → data/ → db/ (app/ reaches the database only through data/, types included: the shapes
 * it needs come from types/); server/ is infrastructure the app runs on (the PDF browser) and reads no
 * database; lib/ is pure rules and imports none of them; components/ get props and
 * never reach into db/ or data/; db/ never imports app/, data/ or components/; UI primitives (components/ui) never
 * import feature components; types/ (the shapes both sides share) imports nothing but types.
 * docs/architecture.md draws the map; tests/unit/layers-lint.test.ts plants a violation of each rule.
 */
const layer = (name, folders) => ({
  group: folders.flatMap((f) => [`@/${f}`, `@/${f}/**`]),
  message: `${name} may not import from ${folders.join(', ')}: see docs/architecture.md.`,
});
/** Relative paths that climb out of a top-level folder into another one. */
const climbing = (name, folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: `${name} may not import from ${folders.join(', ')}: see docs/architecture.md.`,
});
/** Links go through components/ui/link.tsx, which says why they do not prefetch. */
const nextLink = { name: 'next/link', message: "Use { Link } from '@/components/ui/link' (no prefetch): see that file." };
const restrict = (name, folders, extra = []) => ({
  'no-restricted-imports': ['error', { paths: [nextLink], patterns: [layer(name, folders), climbing(name, folders), ...extra] }],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'bench/floor/.next*/**', 'bench/floor-stack/.next*/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['lib/**'], rules: restrict('lib/ (pure rules)', ['db', 'data', 'components', 'app', 'server']) },
  { files: ['server/**'], rules: restrict('server/ (infrastructure)', ['app', 'data', 'components', 'db']) },
  { files: ['db/**'], rules: restrict('db/', ['app', 'data', 'components', 'server']) },
  { files: ['data/**'], rules: restrict('data/', ['app', 'components']) },
  { files: ['app/**'], rules: restrict('app/', ['db']) },
  { files: ['components/**'], rules: restrict('components/', ['db', 'data']) },
  {
    files: ['components/ui/**'],
    rules: restrict('components/ui (primitives)', ['db', 'data'], [
      { group: ['@/components/*', '!@/components/ui', '!@/components/ui/**'], message: 'UI primitives may not import feature components.' },
      { regex: '^\\.\\./', message: 'UI primitives may not import feature components.' },
    ]),
  },
  {
    files: ['types/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@/(?!types/)|\\.\\./)', allowTypeImports: true, message: 'types/ holds shapes only: it re-exports types, never values.' }] },
      ],
    },
  },
];

export default config;
