/** A date as curators write it in `last_pruned`: YYYY-MM-DD in local time (not UTC, which is a day off in the evening west of Greenwich). */
export function localDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
