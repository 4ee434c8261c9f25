// Shared by the custom server (scripts/server.mjs) and the app (lib/auth/client-ip.ts); no imports, so the app's
// bundle does not pull in the server's proxy handling.

/** The request header the server sets (always overwriting what the client sent) and the app reads. */
export const CLIENT_ADDRESS_HEADER = 'x-srm-client-address';
/** Set by the server in its own process, so that the app trusts the header only behind it. */
export const CLIENT_ADDRESS_FLAG = 'SRM_CLIENT_ADDRESS';
