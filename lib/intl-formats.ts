import { LRUCache } from 'lru-cache';

/**
 * Intl formatters, made once per locale and options. Building an Intl.NumberFormat or DateTimeFormat loads the
 * locale's data and costs far more than formatting with one, and a page of indicators formats thousands of values.
 * The set of keys is small (two locales, a handful of styles, the users' time zones); the bound is a backstop.
 */
const numberFormats = new LRUCache<string, Intl.NumberFormat>({ max: 500 });
const dateTimeFormats = new LRUCache<string, Intl.DateTimeFormat>({ max: 500 });

function memo<F extends object, O>(cache: LRUCache<string, F>, make: (locale: string, options: O) => F, locale: string, options: O): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make(locale, options);
    cache.set(key, format);
  }
  return format;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  memo(numberFormats, (l, o) => new Intl.NumberFormat(l, o), locale, options);

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo(dateTimeFormats, (l, o) => new Intl.DateTimeFormat(l, o), locale, options);
