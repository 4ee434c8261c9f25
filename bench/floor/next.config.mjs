// The floor: a bare Next app (no auth, no database, no i18n), built and served by `npm run bench` beside the app
// so that every page's throughput is read as a ratio to what Next itself serves on the same machine in the same
// run (bench/README.md). Nothing here may grow: it measures the framework, not the app.
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
};

export default nextConfig;
