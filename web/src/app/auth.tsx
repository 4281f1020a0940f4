import { Center, Container } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setCsrfToken, setSignedOutHandler } from '../api/client';
import { SESSION_KEY, useSession } from '../api/session';
import { ErrorState, LoadingBlock } from '../ui/states';

/** Any 401 from the API means the session ended: forget everything and go back to sign-in. */
export function SignedOutRedirect() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    setSignedOutHandler(() => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      void navigate('/', { replace: true });
    });
  }, [queryClient, navigate]);
  return null;
}

/** The signed-in part of the app; signed-out visitors go to sign-in. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Container size="xl" py="md">
        <LoadingBlock rows={8} label="Checking your session" />
      </Container>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data) return <Navigate to="/" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** The signed-in account (only inside RequireSession). */
export function useAccount() {
  const session = useSession();
  if (!session.data) throw new Error('useAccount used outside RequireSession');
  return session.data.account;
}
