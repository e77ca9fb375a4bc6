/**
 * Rows one export may hold. A filtered list of a city is far below this; a list past it is
 * refused (with the advice to filter), never cut short: a file that silently stops at a limit
 * would no longer be the list it claims to be.
 */
export const EXPORT_MAX_ROWS = 50_000;

/** Rows read per query: bounded queries and bounded IN lists for the relations of each batch. */
export const EXPORT_BATCH_ROWS = 5_000;
