import { Alert, Box, Code, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../api/api-error';
import { useInviteEmailPreview, type PreviewDraft } from '../../../api/policy';

/**
 * The invite email exactly as the notification service renders it for the draft: the HTML part in a
 * frame that may run nothing (sandbox=""), and the text part. The appendix is at the bottom of both.
 */
export function InviteEmailPreview({ tenancyId, draft }: { tenancyId: string; draft: PreviewDraft }) {
  const preview = useInviteEmailPreview(tenancyId, draft);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-preview-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="invite-preview-title">
            Live preview of the invite email
          </Title>
          {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
        </Group>
        <Text size="xs" c="dimmed">
          With sample values: the Hub, the inviter (you) and the link are examples. Nothing is sent.
        </Text>
        {preview.isError && (
          <Alert color="yellow" variant="light" role="status" title="No preview for this text">
            {errorMessage(preview.error)}
          </Alert>
        )}
        {preview.data && !preview.isError && (
          <>
            <Text size="sm">
              <Text span fw={600}>
                Subject:
              </Text>{' '}
              {preview.data.subject}
            </Text>
            <Tabs defaultValue="html" keepMounted>
              <Tabs.List>
                <Tabs.Tab value="html">HTML</Tabs.Tab>
                <Tabs.Tab value="text">Text version</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html" pt="sm">
                <Box
                  component="iframe"
                  title="Invite email preview (HTML)"
                  sandbox=""
                  srcDoc={preview.data.html}
                  w="100%"
                  h={640}
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="text" pt="sm">
                <Box
                  role="region"
                  aria-label="Invite email preview (text)"
                  tabIndex={0}
                  mah={520}
                  style={{ overflow: 'auto' }}
                >
                  <Code block style={{ whiteSpace: 'pre-wrap' }}>
                    {preview.data.text}
                  </Code>
                </Box>
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </Paper>
  );
}
