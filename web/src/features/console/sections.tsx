import {
  IconBuilding,
  IconBuildingCommunity,
  IconChartBar,
  IconFileImport,
  IconFileText,
  IconHeartbeat,
  IconListDetails,
  IconMail,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The console's left navigation (SCREENS.md "Console"), in reading order. A section either belongs to one
 * tenancy (its path sits under /console/tenancies/:tenancyId/) or to the installation (operators only,
 * under /console/). Each page module registers itself here and in ConsoleRoutes.
 */
export interface ConsoleSection {
  /** Path segment after the tenancy (tenancy sections) or after /console (installation sections). */
  path: string;
  label: string;
  icon: ReactNode;
  scope: 'tenancy' | 'installation';
}

export const CONSOLE_SECTIONS: ConsoleSection[] = [
  { path: 'overview', label: 'Overview', icon: <IconChartBar size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'policies', label: 'Policies', icon: <IconFileText size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'hubs', label: 'Hubs', icon: <IconBuildingCommunity size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'imports', label: 'Imports', icon: <IconFileImport size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'deliveries', label: 'Deliveries', icon: <IconMail size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'audit', label: 'Audit log', icon: <IconListDetails size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'tenancies', label: 'Tenancies', icon: <IconBuilding size={18} aria-hidden />, scope: 'installation' },
  { path: 'health', label: 'Health', icon: <IconHeartbeat size={18} aria-hidden />, scope: 'installation' },
];
