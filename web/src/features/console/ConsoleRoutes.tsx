/**
 * The console's pages, as route elements under /console (a fragment: react-router reads <Route> children
 * directly). Tenancy pages live under tenancies/:tenancyId/; installation pages (operators) directly.
 */
export function ConsoleRoutes() {
  return <></>;
}
