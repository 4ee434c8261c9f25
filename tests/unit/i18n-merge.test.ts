import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from '@/lib/i18n/merge';

// Next's build hands mergeCatalogs the catalogs' messages compiled (next.config.mjs: precompile): a message with
// arguments is then an array, as below; scripts and tests hand it the same files as text.
const hiName = ['Hi ', ['name']];
const byeName = ['Bye ', ['name']];

describe('merging catalog files', () => {
  it('keeps a compiled message whole, as one message', () => {
    const plural = [['n', 2, { one: [0, ' item'], other: [0, ' items'] }]];
    const merged = mergeCatalogs([{ nav: { home: 'Home' } }, { nav: { items: plural } }]);
    expect(merged).toEqual({ nav: { home: 'Home', items: plural } });
  });

  it('accepts the same message from two files and refuses two different ones, compiled or not', () => {
    expect(() => mergeCatalogs([{ a: [...hiName] }, { a: [...hiName] }])).not.toThrow();
    expect(() => mergeCatalogs([{ a: [...hiName] }, { a: byeName }])).toThrow(/a is defined twice/);
    expect(() => mergeCatalogs([{ a: 'Hi' }, { a: 'Bye' }])).toThrow(/a is defined twice/);
  });

  it('refuses a key that is a message in one file and a namespace in another', () => {
    expect(() => mergeCatalogs([{ a: [...hiName] }, { a: { b: 'x' } }])).toThrow(/both a text and a namespace/);
    expect(() => mergeCatalogs([{ a: { b: 'x' } }, { a: [...hiName] }])).toThrow(/both a text and a namespace/);
  });
});
