// The one module that imports next/link (eslint.config.mjs refuses it elsewhere).
// eslint-disable-next-line no-restricted-imports
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Next's <Link> (client-side navigation) without prefetching. Every page of this app is rendered per request for
 * its signed-in reader, and Next does not prefetch the content of such a page, only its route: each link in view
 * still cost the server a request through the proxy and the session check (two, in Next 16's segment cache) — a
 * page with twenty links in view cost twenty-odd requests before the reader clicked anything, for no faster
 * navigation. A click fetches the page as before.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
