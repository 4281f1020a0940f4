import { List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { InviteAddressResult } from '../../../api/types';
import { describe, type Kind } from './invite-results';

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
