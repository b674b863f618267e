/** "2026-01-01T10:00:00Z" → a short local date-time; anything unparsable is shown as sent. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** A yyyy-mm-dd date input as the RFC 3339 bound of that UTC day. */
export function dayStartUtc(day: string): string {
  return `${day}T00:00:00Z`;
}

export function dayEndUtc(day: string): string {
  return `${day}T23:59:59Z`;
}
