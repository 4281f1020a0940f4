import { Button, Divider, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useHubContext } from '../../../app/HubFrame';
import { ImportHistory } from './ImportHistory';
import { ImportJobView } from './ImportJobView';
import { NewImport } from './NewImport';

/** Mass invite: a new import (file, user type, preview, send), or one job by its URL; earlier imports below. */
export function MassInvite() {
  const { hub } = useHubContext();
  const { jobId } = useParams();
  return (
    <Stack gap="xl">
      {jobId ? (
        <Stack gap="md">
          <ImportJobView jobId={jobId} />
          <div>
            <Button
              component={Link}
              to={`/hubs/${hub.id}/invite/mass`}
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              Start another mass invite
            </Button>
          </div>
        </Stack>
      ) : (
        <NewImport />
      )}
      <Divider />
      <ImportHistory currentJobId={jobId} />
    </Stack>
  );
}
