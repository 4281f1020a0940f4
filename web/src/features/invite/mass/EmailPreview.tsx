import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportJob } from '../../../api/types';

/** The invite email as it will be sent, appendix included. The HTML runs in a frame with every permission off. */
export function EmailPreview({ email }: { email: NonNullable<ImportJob['emailPreview']> }) {
  return (
    <section aria-labelledby="email-preview-title">
      <Title order={4} size="h6" id="email-preview-title" mb="xs">
        The email people will get
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          <Text span c="dimmed">
            Subject:{' '}
          </Text>
          {email.subject}
        </Text>
        <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
          <iframe
            title="Invite email preview"
            sandbox=""
            srcDoc={email.html}
            style={{ width: '100%', height: 420, border: 0, display: 'block', background: 'white' }}
          />
        </Paper>
      </Stack>
    </section>
  );
}
