import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, clientNamespaces } from '@/lib/i18n/client-messages';
import en from '@/lib/i18n/messages/en';
import zh from '@/lib/i18n/messages/zh';

type Catalog = { [key: string]: string | Catalog };

const root = path.resolve(__dirname, '../..');
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}
const clientFiles = ['app', 'components', 'data', 'lib']
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .map((file) => ({ file: path.relative(root, file), code: readFileSync(file, 'utf8') }))
  .filter(({ code }) => /^\s*['"]use client['"]/m.test(code));

const covered = (key: string) => clientNamespaces.some((ns) => key === ns || key.startsWith(`${ns}.`));

describe('the messages sent to client components', () => {
  it('cover every namespace a client component translates with', () => {
    const missing: string[] = [];
    for (const { file, code } of clientFiles) {
      for (const [, ns] of code.matchAll(/useTranslations\(\s*['"]([\w.-]+)['"]\s*\)/g)) {
        if (!covered(ns!)) missing.push(`${file}: ${ns}`);
      }
      // useTranslations() without a namespace: every key it is called with must be covered.
      if (/useTranslations\(\s*\)/.test(code)) {
        for (const [, key] of code.matchAll(/\bt\(\s*['"`]([\w.-]+?)(?:\$\{|['"`])/g)) {
          if (!covered(key!.replace(/\.$/, ''))) missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('name namespaces that exist in both catalogs, and keep their texts', () => {
    for (const catalog of [en, zh] as Catalog[]) {
      const picked = clientMessages(catalog);
      for (const ns of clientNamespaces) {
        const get = (c: Catalog) => ns.split('.').reduce<Catalog | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), c);
        expect(get(catalog), ns).toBeTypeOf('object');
        expect(get(picked), ns).toEqual(get(catalog));
      }
      expect(clientMessages(catalog)).toBe(picked);
    }
  });
});
