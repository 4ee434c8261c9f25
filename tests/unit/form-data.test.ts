import { describe, expect, it } from 'vitest';
import { formDataOrNull, isFormData } from '@/data/form-data';

describe('the server-action argument check', () => {
  it('accepts a FormData, empty or not', () => {
    const form = new FormData();
    expect(isFormData(form)).toBe(true);
    expect(formDataOrNull(form)).toBe(form);
    form.append('id', '1');
    form.append('file', new Blob(['a,b'], { type: 'text/csv' }), 'upload.csv');
    expect(formDataOrNull(form)).toBe(form);
  });

  it('refuses every other value a hand-made request can carry', () => {
    const look = { get: () => 'x', has: () => true, getAll: () => [] };
    const others: unknown[] = [undefined, null, '', 'id=1', 0, 42, Number.NaN, true, [], [['id', '1']], {}, { id: '1' }, look,
      new URLSearchParams('id=1'), new Map([['id', '1']]), new Blob(['x']), Object.create(null)];
    for (const [i, value] of others.entries()) {
      expect(isFormData(value), `value #${i}`).toBe(false);
      expect(formDataOrNull(value)).toBeNull();
    }
  });
});
