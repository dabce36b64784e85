// Number formatting for the report.

/** "1.23×" */
export function ratio(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(2)}×`;
}

/** ops/s as a whole number with separators; MB/s with one decimal. */
export function speed(value: number | undefined, unit: 'ops/s' | 'MB/s'): string {
  if (value === undefined) return '—';
  const digits = unit === 'MB/s' ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
