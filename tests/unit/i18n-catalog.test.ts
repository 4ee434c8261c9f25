import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en';
import zh from '@/lib/i18n/messages/zh';

type Catalog = { [key: string]: string | Catalog };

function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

const enLeaves = leaves(en as Catalog);
const zhLeaves = leaves(zh as Catalog);
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]));
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

describe('the message catalogs', () => {
  it('have the same keys in English and Chinese', () => {
    expect([...zhLeaves.keys()].filter((k) => !enLeaves.has(k)), 'in Chinese only').toEqual([]);
    expect([...enLeaves.keys()].filter((k) => !zhLeaves.has(k)), 'missing in Chinese').toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...enLeaves].filter(([key, text]) => {
      const other = zhLeaves.get(key);
      if (other === undefined) return false;
      const a = placeholders(text);
      const b = placeholders(other);
      return a.size !== b.size || [...a].some((p) => !b.has(p));
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('have every Chinese text actually translated (Latin-only texts left over are untranslated)', () => {
    const untranslated = [...zhLeaves].filter(([, text]) => {
      const visible = text.replace(/\{[^{}]*\}/g, '').replace(/\{[^{}]*\}/g, '');
      return /[A-Za-z]{2,}/.test(visible) && !cjk.test(visible);
    });
    expect(untranslated.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('have no key that the code never uses', () => {
    const root = path.resolve(__dirname, '../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name)) files.push(full);
      }
    };
    for (const dir of ['app', 'components', 'lib', 'db', 'data']) walk(path.join(root, dir));
    const code = files.filter((f) => !f.includes(`${path.sep}messages${path.sep}`)).map((f) => readFileSync(f, 'utf8')).join('\n');
    const quoted = new Set([...code.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]!));
    const templatePrefixes = [...code.matchAll(/`([\w.-]*\.)\$\{/g)].map((m) => m[1]!);
    const used = (key: string) => {
      if (quoted.has(key)) return true;
      const parts = key.split('.');
      // t('leaf') or t('sub.leaf') under useTranslations('namespace'), or a dynamic t(`sub.${x}`).
      for (let i = 1; i < parts.length; i++) {
        const namespace = parts.slice(0, i).join('.');
        const rest = parts.slice(i).join('.');
        if (quoted.has(rest) && quoted.has(namespace)) return true;
        const parent = parts.slice(i, -1).join('.');
        if (templatePrefixes.some((p) => p === `${parent}.` || p === `${parts.slice(0, -1).join('.')}.`)) return true;
      }
      return templatePrefixes.some((p) => key.startsWith(p));
    };
    expect([...enLeaves.keys()].filter((k) => !used(k))).toEqual([]);
  });
});
