import { List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { InviteAddressResult } from '../../../api/types';

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

export function summarise(attempts: InviteAddressResult[]): string {
  const refused = attempts.filter((attempt) => describe(attempt).kind === 'refused').length;
  const done = attempts.length - refused;
  const total = attempts.length === 1 ? 'the address' : `${attempts.length} addresses`;
  if (refused === 0) return `Done: ${total} handled. See the result per address.`;
  return `${done} of ${attempts.length} handled; ${refused} refused. See the reasons per address.`;
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
