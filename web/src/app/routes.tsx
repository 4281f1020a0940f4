import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from './auth';
import { HubFrame } from './HubFrame';
import { NotFoundPage } from './NotFoundPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { HubChooserPage } from '../features/hubs/HubChooserPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { InvitePanel } from '../features/invite/InvitePanel';
import { IndividualInvite } from '../features/invite/individual/IndividualInvite';
import { RegistrationLinkTab } from '../features/invite/registration/RegistrationLinkTab';
import { LoadingBlock } from '../ui/states';
import { ConsoleFrame, ConsoleHome } from '../features/console/ConsoleFrame';
import { ConsoleRoutes } from '../features/console/ConsoleRoutes';

/** The mass invite brings the charts library along: loaded when the tab is first opened. */
const MassInviteTab = lazy(() =>
  import('../features/invite/mass/MassInvite').then((module) => ({ default: module.MassInvite })),
);
const massInvite = (
  <Suspense fallback={<LoadingBlock rows={6} label="Loading the mass invite" />}>
    <MassInviteTab />
  </Suspense>
);

/** The client routes (contracts.md §2); the gateway answers every other GET with index.html. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route path="/hubs" element={<HubChooserPage />} />
        <Route path="/hubs/:hubId" element={<HubFrame />}>
          <Route index element={<Navigate to="contacts" replace />} />
          <Route path="contacts" element={<ContactsPage tab="members" />} />
          <Route path="contacts/pending" element={<ContactsPage tab="pending" />} />
          <Route path="invite" element={<InvitePanel />}>
            <Route index element={<Navigate to="individual" replace />} />
            <Route path="individual" element={<IndividualInvite />} />
            <Route path="mass" element={massInvite} />
            <Route path="mass/:jobId" element={massInvite} />
            <Route path="registration" element={<RegistrationLinkTab />} />
          </Route>
        </Route>
        <Route path="/console" element={<ConsoleFrame />}>
          <Route index element={<ConsoleHome />} />
          {ConsoleRoutes()}
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
