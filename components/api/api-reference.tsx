'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState, type ReactNode } from 'react';

const SwaggerView = dynamic(() => import('./swagger-view'), { ssr: false });

/**
 * The interactive reference of the API, rendered in the browser from the document the page passes in. Until it
 * has rendered — and for a reader without script, or if it fails — the server-rendered `fallback` (the endpoint
 * table) stays in its place, so the page always says what the API offers.
 */
export function ApiReference({ spec, label, fallback }: { spec: object; label: string; fallback: ReactNode }) {
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  return (
    <section aria-label={label} aria-busy={!ready} data-api-reference={ready ? 'ready' : 'loading'}>
      <div hidden={ready}>{fallback}</div>
      <SwaggerView spec={spec} onReady={onReady} />
    </section>
  );
}
