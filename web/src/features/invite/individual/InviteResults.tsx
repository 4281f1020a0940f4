import { List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { InviteAddressResult } from '../../../api/types';
import { formatNumber } from '../../../ui/format';

type Kind = 'done' | 'unchanged' | 'refused';

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

const ICONS: Record<Kind, { color: string; icon: React.ReactNode }> = {
  done: { color: 'teal', icon: <IconCheck size={14} aria-hidden /> },
  unchanged: { color: 'gray', icon: <IconInfoCircle size={14} aria-hidden /> },
  refused: { color: 'red', icon: <IconAlertTriangle size={14} aria-hidden /> },
};

export function InviteResults({ attempts }: { attempts: InviteAddressResult[] }) {
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={3} size="h5">
        Results
      </Title>
      <List spacing="xs" center>
        {attempts.map((attempt) => {
          const { text, kind } = describe(attempt);
          return (
            <List.Item
              key={attempt.input}
              icon={
                <ThemeIcon color={ICONS[kind].color} size={22} radius="xl" variant="light">
                  {ICONS[kind].icon}
                </ThemeIcon>
              }
            >
              <Text size="sm">
                <Text span fw={600}>
                  {attempt.input}
                </Text>
                {': '}
                <Text span c={kind === 'refused' ? 'red.8' : undefined}>
                  {text}
                </Text>
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
