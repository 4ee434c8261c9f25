import localFont from 'next/font/local';

/**
 * Noto Sans's Latin range, the text of almost every page, through next/font: preloaded by every page, and shown
 * only if it is there within the first ~100 ms (`optional`), so a page never reflows when it arrives. Swapped in
 * late, its wider glyphs re-wrapped the header's navigation and moved the whole page on a phone-sized screen. A
 * visit that misses it uses the metric-matched fallback and has it from the cache on the next page. The other
 * ranges (Latin Extended for city names, Chinese) come from the @fontsource CSS in the layout.
 */
export const notoSansLatin = localFont({
  src: '../node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-normal.woff2',
  weight: '100 900',
  style: 'normal',
  display: 'optional',
  variable: '--font-latin',
  adjustFontFallback: 'Arial',
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
});
