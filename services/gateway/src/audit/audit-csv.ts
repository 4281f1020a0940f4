import type { AuditLogEntry } from './audit.responses';

export const AUDIT_CSV_HEADER = 'time,actor_name,actor_email,action,subject,hub_id,correlation_id,details\r\n';

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"): it gets a
// leading apostrophe. The invite service's import report does the same; services share no code but libs/.
const FORMULA_LEAD = /^[=+\-@\t\r]/;

function cell(value: string | null): string {
  const text = value ?? '';
  const neutral = FORMULA_LEAD.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

/** Audit rows as CSV lines (CRLF), in the order of AUDIT_CSV_HEADER. */
export function auditCsvLines(entries: AuditLogEntry[]): string {
  return entries
    .map((entry) =>
      [
        entry.createdAt,
        entry.actorName,
        entry.actorEmail,
        entry.action,
        entry.subject,
        entry.hubId,
        entry.correlationId,
        JSON.stringify(entry.details),
      ]
        .map(cell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
