import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-error';
import { useSession, useSignIn } from '../../api/session';
import { formatWait } from '../../ui/format';
import { LoadingBlock } from '../../ui/states';

/** What a refused sign-in tells the person. */
function signInFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'The email or password is not right.';
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfterSeconds
      ? `Too many attempts. Wait ${formatWait(error.retryAfterSeconds)} and try again.`
      : error.message;
  }
  return errorMessage(error);
}

export function SignInPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');

  if (session.data) return <Navigate to="/hubs" replace state={{ afterSignIn: true }} />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate('/hubs', { replace: true, state: { afterSignIn: true } }) },
    );
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} component="main">
        {session.isPending ? (
          <LoadingBlock rows={3} label="Checking your session" />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2">
                  Gatehouse
                </Title>
                <Text c="dimmed" size="sm">
                  Sign in to see your Hubs and invite people.
                </Text>
              </div>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                withAsterisk={false}
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                autoFocus={!email}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoFocus={Boolean(email)}
              />
              {signIn.isError && (
                <Alert color="red" variant="light" role="alert">
                  {signInFailure(signIn.error)}
                </Alert>
              )}
              <Button type="submit" loading={signIn.isPending} disabled={!email.trim() || !password}>
                Sign in
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
