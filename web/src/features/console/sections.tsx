import { IconFileImport, IconListDetails, IconMail } from '@tabler/icons-react';
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
  { path: 'imports', label: 'Imports', icon: <IconFileImport size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'deliveries', label: 'Deliveries', icon: <IconMail size={18} aria-hidden />, scope: 'tenancy' },
  { path: 'audit', label: 'Audit log', icon: <IconListDetails size={18} aria-hidden />, scope: 'tenancy' },
];
