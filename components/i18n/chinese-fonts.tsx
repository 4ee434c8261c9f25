'use client';

import dynamic from 'next/dynamic';
import { useHydrated } from '@/components/ui/use-hydrated';

const FontFaces = dynamic(() => import('./chinese-font-faces'));

/**
 * The app's Chinese font (Noto Sans SC, served by the app) for the text of a page. A Chinese page declares it
 * before its first paint: the rendered module's style sheet comes with the page and blocks its paint, so nothing
 * is drawn in a fallback font first. An English page shows Chinese only here and there (a name that has no
 * English yet, the language switcher's "中文"), and the rules would make its one blocking style sheet ten times
 * larger: it declares the font once it has hydrated, and until then (or without JavaScript) such text is drawn by
 * the system's own CJK font. A printed page waits for both (server/pdf/print-page.ts: the network idle, then the
 * fonts).
 */
export function ChineseFonts({ beforeFirstPaint }: { beforeFirstPaint: boolean }) {
  const hydrated = useHydrated();
  return beforeFirstPaint || hydrated ? <FontFaces /> : null;
}
