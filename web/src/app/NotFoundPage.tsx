import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center h="100vh" p="md">
      <Stack align="center" gap="xs">
        <Title order={1} size="h2">
          This page does not exist
        </Title>
        <Text c="dimmed">The address may be mistyped, or the page has moved.</Text>
        <Anchor component={Link} to="/hubs">
          Go to your Hubs
        </Anchor>
      </Stack>
    </Center>
  );
}
