/**
 * The digest Next passes to an error boundary for a database-unavailable error (db/errors.ts sets it on
 * DatabaseUnavailableError): the boundary, which runs in the browser, tells "unavailable" from a bug by it.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'DATABASE_UNAVAILABLE';
