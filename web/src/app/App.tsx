import {
  Badge,
  Drawer,
  InputWrapper,
  MantineProvider,
  Modal,
  Notification,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/api-error';
import { AppRoutes } from './routes';
import { SignedOutRedirect } from './auth';

const theme = createTheme({
  primaryColor: 'indigo',
  // Darker than Mantine's default shade 6, so that white on blue and blue on white read at 4.5:1 or more.
  primaryShade: 8,
  defaultRadius: 'md',
  components: {
    // Sentence case reads better than Mantine's upper-case badges for user types and states.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
    // Mantine's close buttons are icons without a name; a screen reader needs one.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A field's error is read out when it appears, not only shown in red under the field.
    InputWrapper: InputWrapper.extend({ defaultProps: { errorProps: { role: 'alert' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } } }),
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/** Secondary ("dimmed") text and links dark enough for WCAG AA contrast on white. */
const contrastResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-anchor': current.colors.indigo[8],
    // Field errors (Mantine's red 6 reads at 3.3:1 on white).
    '--mantine-color-error': current.colors.red[8],
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a dropped connection might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SignedOutRedirect />
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
