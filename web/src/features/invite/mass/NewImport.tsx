import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../api/api-error';
import { useCreateImport } from '../../../api/imports';
import type { UserType } from '../../../api/types';
import { useHubContext } from '../../../app/HubFrame';
import { formatNumber } from '../../../ui/format';
import { GuardedButton } from '../../../ui/GuardedButton';
import { missingBeforeSending } from '../../../ui/missing';
import { UserTypeSelect } from '../UserTypeSelect';
import { DryRunPreview } from './DryRunPreview';

/** The invite service's defaults (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS); a bigger file is refused with the exact limit. */
const MAX_FILE_MB = 10;
const MAX_ROWS = 100_000;
const CSV_TYPES = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'text/tab-separated-values': ['.tsv', '.txt'],
};

export function NewImport() {
  const { hub, permissions } = useHubContext();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const [userType, setUserType] = useState<UserType | null>(null);
  const [previewJobId, setPreviewJobId] = useState<string | null>(null);
  const preview = useCreateImport(hub.id);
  const send = useCreateImport(hub.id);

  const missing = missingBeforeSending([
    { has: file !== null, what: 'choose a CSV file' },
    { has: userType !== null, what: 'choose a user type' },
  ]);

  const chooseFile = (files: File[]) => {
    setRejection(null);
    setFile(files[0] ?? null);
    setPreviewJobId(null);
  };
  const start = (dryRun: boolean) => {
    if (!file || !userType) return;
    if (dryRun) {
      preview.mutate({ file, userType, dryRun }, { onSuccess: (job) => setPreviewJobId(job.id) });
    } else {
      send.mutate(
        { file, userType, dryRun },
        { onSuccess: (job) => void navigate(`/hubs/${hub.id}/invite/mass/${job.id}`) },
      );
    }
  };

  return (
    <Stack gap="lg">
      <section aria-labelledby="mass-step-file">
        <Title order={3} size="h5" id="mass-step-file" mb="xs">
          1. File
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Dropzone
              onDrop={chooseFile}
              onReject={(rejections) => {
                setFile(null);
                setRejection(
                  rejections[0]?.errors[0]?.code === 'file-too-large'
                    ? `That file is larger than ${MAX_FILE_MB} MB. Split it into smaller files.`
                    : 'That is not a CSV file. Save the spreadsheet as CSV and choose it again.',
                );
              }}
              accept={CSV_TYPES}
              maxSize={MAX_FILE_MB * 1024 * 1024}
              multiple={false}
              // The plain file input: it works in every browser (and in tests), the File System Access picker does not.
              useFsAccessApi={false}
              // Clicking the words opens the file dialog too (Mantine turns pointer events off inside by default).
              enablePointerEvents
              inputProps={{ 'aria-label': 'CSV file' }}
            >
              <Group justify="center" gap="md" mih={140}>
                <Dropzone.Accept>
                  <IconUpload size={40} aria-hidden />
                </Dropzone.Accept>
                <Dropzone.Reject>
                  <IconX size={40} aria-hidden />
                </Dropzone.Reject>
                <Dropzone.Idle>
                  <IconFileSpreadsheet size={40} aria-hidden />
                </Dropzone.Idle>
                <div>
                  <Text size="lg" fw={500}>
                    Drop a CSV file here or choose one
                  </Text>
                  <Text size="sm" c="dimmed">
                    One file at a time, up to {MAX_FILE_MB} MB
                  </Text>
                </div>
              </Group>
            </Dropzone>
            {file && (
              <Group gap="xs" justify="space-between">
                <Text size="sm">
                  Chosen: <strong>{file.name}</strong> ({formatNumber(Math.ceil(file.size / 1024))} KB)
                </Text>
                <Button variant="subtle" size="xs" onClick={() => chooseFile([])}>
                  Remove file
                </Button>
              </Group>
            )}
            {rejection && (
              <Text size="sm" c="red.8" role="alert">
                {rejection}
              </Text>
            )}
          </Stack>
          <Paper withBorder p="md" bg="gray.0">
            <Text fw={600} size="sm" mb="xs">
              What the file needs
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>Email addresses in the first column; other columns are ignored.</List.Item>
              <List.Item>A header row is fine.</List.Item>
              <List.Item>One user type per file. For two user types, upload two files.</List.Item>
              <List.Item>
                At most {formatNumber(MAX_ROWS)} rows and {MAX_FILE_MB} MB per file.
              </List.Item>
              <List.Item>Excel CSV, UTF-8 or UTF-16, commas or semicolons: all fine.</List.Item>
            </List>
          </Paper>
        </SimpleGrid>
      </section>

      <section aria-labelledby="mass-step-type">
        <Title order={3} size="h5" id="mass-step-type" mb="xs">
          2. User type
        </Title>
        <UserTypeSelect
          value={userType}
          onChange={(value) => {
            setUserType(value);
            setPreviewJobId(null);
          }}
          allowTeamMember={permissions.canInviteTeamMembers}
          description="Everyone in the file gets this user type."
        />
      </section>

      <section aria-labelledby="mass-step-send">
        <Title order={3} size="h5" id="mass-step-send" mb="xs">
          3. Preview and send
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          The preview reads the whole file and shows what would happen and the email people get. It changes nothing and
          sends nothing.
        </Text>
        <Group gap="sm">
          <GuardedButton
            missing={missing}
            hintId="mass-missing"
            variant="light"
            loading={preview.isPending}
            onClick={() => start(true)}
          >
            Preview first
          </GuardedButton>
          <GuardedButton missing={missing} hintId="mass-missing" loading={send.isPending} onClick={() => start(false)}>
            Send Invites
          </GuardedButton>
          {missing && (
            <Text id="mass-missing" size="sm" c="dimmed">
              {missing}
            </Text>
          )}
        </Group>
        {(preview.error ?? send.error) && (
          <Alert color="red" variant="light" role="alert" mt="sm" title="The file was not accepted">
            {errorMessage(preview.error ?? send.error)}
          </Alert>
        )}
      </section>

      {previewJobId && <DryRunPreview jobId={previewJobId} />}
    </Stack>
  );
}
