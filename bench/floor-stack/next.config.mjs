// The stack's floor: the floor's page (bench/floor) behind what the product's named stack costs any signed-in,
// translated page before it does anything of its own: a proxy setting a nonce-based Content-Security-Policy,
// next-auth reading the session cookie, next-intl's request config and translations, and a client provider of
// messages. No database and none of the app's code. `npm run bench` serves it beside the floor, so that each
// page's cost reads as what the stack takes and what the app adds (bench/README.md). Nothing here may grow.
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n.js');

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
