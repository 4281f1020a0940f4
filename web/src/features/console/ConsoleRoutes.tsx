import { Route } from 'react-router';
import { HealthPage } from './health/HealthPage';
import { OverviewPage } from './overview/OverviewPage';

/**
 * The console's pages, as route elements under /console (a fragment: react-router reads <Route> children
 * directly). Tenancy pages live under tenancies/:tenancyId/; installation pages (operators) directly.
 */
export function ConsoleRoutes() {
  return (
    <>
      <Route path="tenancies/:tenancyId/overview" element={<OverviewPage />} />
      <Route path="health" element={<HealthPage />} />
    </>
  );
}
