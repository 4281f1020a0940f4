import { Route } from 'react-router';
import { HealthPage } from './health/HealthPage';
import { HubsPage } from './hubs/HubsPage';
import { OverviewPage } from './overview/OverviewPage';
import { PoliciesPage } from './policies/PoliciesPage';
import { TenanciesPage } from './tenancies/TenanciesPage';
import { AuditPage } from './audit/AuditPage';
import { DeliveriesPage } from './deliveries/DeliveriesPage';
import { ImportDetailPage } from './imports/ImportDetailPage';
import { ImportsPage } from './imports/ImportsPage';

/**
 * The console's pages, as route elements under /console (a fragment: react-router reads <Route> children
 * directly). Tenancy pages live under tenancies/:tenancyId/; installation pages (operators) directly.
 */
export function ConsoleRoutes() {
  return (
    <>
      <Route path="tenancies/:tenancyId/overview" element={<OverviewPage />} />
      <Route path="tenancies/:tenancyId/policies" element={<PoliciesPage />} />
      <Route path="tenancies/:tenancyId/hubs" element={<HubsPage />} />
      <Route path="tenancies" element={<TenanciesPage />} />
      <Route path="health" element={<HealthPage />} />
      <Route path="tenancies/:tenancyId/imports" element={<ImportsPage />} />
      <Route path="tenancies/:tenancyId/imports/:jobId" element={<ImportDetailPage />} />
      <Route path="tenancies/:tenancyId/deliveries" element={<DeliveriesPage />} />
      <Route path="tenancies/:tenancyId/audit" element={<AuditPage />} />
    </>
  );
}
