import type { InviteAddressResult } from '../../../api/types';
import { formatNumber } from '../../../ui/format';

export type Kind = 'done' | 'unchanged' | 'refused';

/** One address's answer, in words. */
export function describe(attempt: InviteAddressResult): { text: string; kind: Kind } {
  const { result } = attempt;
  if (!result) return { text: attempt.error?.message ?? 'Refused.', kind: 'refused' };
  switch (result.outcome) {
    case 'added':
      return { text: 'Added to the Hub — they already had an account', kind: 'done' };
    case 'already_member':
      return { text: 'Already a member', kind: 'unchanged' };
    case 'invited':
      return result.emailSent
        ? { text: 'Invite sent', kind: 'done' }
        : { text: 'Already invited — not sent again (Resend from Pending invites)', kind: 'unchanged' };
  }
}

/** The success notification: one plain sentence, with the right plural. */
export function summarise(attempts: InviteAddressResult[]): string {
  const refused = attempts.filter((attempt) => describe(attempt).kind === 'refused').length;
  const done = attempts.length - refused;
  const addresses = (count: number) => `${formatNumber(count)} ${count === 1 ? 'address' : 'addresses'}`;
  if (refused === 0) return `${addresses(done)} handled — see the result below.`;
  return `${addresses(done)} handled, ${formatNumber(refused)} refused — see the reasons below.`;
}
