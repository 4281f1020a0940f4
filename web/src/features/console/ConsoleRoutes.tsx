import { Route } from 'react-router';
import { HubsPage } from './hubs/HubsPage';
import { PoliciesPage } from './policies/PoliciesPage';
import { TenanciesPage } from './tenancies/TenanciesPage';

/**
 * The console's pages, as route elements under /console (a fragment: react-router reads <Route> children
 * directly). Tenancy pages live under tenancies/:tenancyId/; installation pages (operators) directly.
 */
export function ConsoleRoutes() {
  return (
    <>
      <Route path="tenancies" element={<TenanciesPage />} />
      <Route path="tenancies/:tenancyId/policies" element={<PoliciesPage />} />
      <Route path="tenancies/:tenancyId/hubs" element={<HubsPage />} />
    </>
  );
}
