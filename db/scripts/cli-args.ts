/**
 * A command that will not run: help was asked for (printed, exit 0) or its arguments were wrong (each mistake
 * printed with the usage, exit 2). Returns the exit code.
 */
export function helpOrArgumentErrors(parsed: { kind: 'help' } | { kind: 'error'; errors: string[] }, usage: string): number {
  if (parsed.kind === 'help') {
    console.info(usage);
    return 0;
  }
  for (const error of parsed.errors) console.error(error);
  console.error(`\n${usage}`);
  return 2;
}
