/**
 * What the user typed, as a literal inside a LIKE pattern: PostgreSQL (and Prisma's `contains`,
 * which does not escape) would otherwise read % and _ as wildcards and \ as an escape.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
