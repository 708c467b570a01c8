/** Today's date as ISO `YYYY-MM-DD` in local time (a date of service is a calendar date, not an instant). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
