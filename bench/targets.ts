/**
 * A target of issue #12 for one figure: a bound on the figure ÷ its floor (same run), or on the figure
 * itself (memory, duplicates).
 */
export interface Target {
  of: 'ratio' | 'value';
  bound: 'at most' | 'at least';
  limit: number;
  unit?: string;
  /** Set when the figure is measured where the issue does not state the target (e.g. at 10k rows): the mark is then only indicative. */
  indicative?: string;
}

const ratio = (bound: Target['bound'], limit: number): Target => ({ of: 'ratio', bound, limit });

/** The targets as issue #12 states them. */
export const ISSUE_TARGETS = {
  /** 100k-row mass invite, upload → every decision persisted. */
  decisions: ratio('at most', 2.0),
  /** 100k-row mass invite, upload → last invite email at the sink. */
  lastInviteEmail: ratio('at most', 1.3),
  /** Invite emails/s during the 100k import, against nodemailer alone. */
  importEmailRate: ratio('at least', 0.8),
  /** The email case, against nodemailer alone. */
  emailRate: ratio('at least', 0.8),
  /** Peak RSS of every process (each replica) at 100k rows. */
  peakRss: { of: 'value', bound: 'at most', limit: 256, unit: 'MiB' } as Target,
  rpcMedian: ratio('at most', 2.5),
  rpcP95: ratio('at most', 3),
  accountLookup: ratio('at most', 1.5),
  bulkAdd: ratio('at most', 1.5),
  /** Two replicas: no address decided twice, no email sent twice. */
  duplicates: { of: 'value', bound: 'at most', limit: 0 } as Target,
} satisfies Record<string, Target>;

/** The same target, marked as only indicative where the figure was measured. */
export const indicative = (target: Target, why: string): Target => ({ ...target, indicative: why });

/** "≤ 2.0× floor", "≥ 0.8× floor", "≤ 256 MiB". */
export function describeTarget(target: Target): string {
  const sign = target.bound === 'at most' ? '≤' : '≥';
  const text =
    target.of === 'ratio'
      ? `${sign} ${target.limit.toFixed(1)}× floor`
      : `${sign} ${target.limit} ${target.unit ?? ''}`;
  return target.indicative ? `${text.trim()} (${target.indicative})` : text.trim();
}

/** Whether a figure meets its target: true, false, or null when there is no floor to compare with. */
export function meets(target: Target, value: number, floor: number | null): boolean | null {
  const measured = target.of === 'ratio' ? (floor && floor > 0 ? value / floor : null) : value;
  if (measured === null) return null;
  return target.bound === 'at most' ? measured <= target.limit : measured >= target.limit;
}
