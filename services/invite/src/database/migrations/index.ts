import { Accounts1764150100000 } from './1764150100000-accounts';
import { Invites1764150200000 } from './1764150200000-invites';
import { RegistrationLinks1764160000000 } from './1764160000000-registration-links';
import { ImportJobs1764170000000 } from './1764170000000-import-jobs';
import { VerifiedSignups1764180000000 } from './1764180000000-verified-signups';
import { Sessions1764190000000 } from './1764190000000-sessions';
import { ImportJobOwner1764200000000 } from './1764200000000-import-job-owner';
import { MemberAddIntents1764200100000 } from './1764200100000-member-add-intents';

import { ImportJobsTenancyIndex1764210500000 } from './1764210500000-import-jobs-tenancy-index';
import { UnifiedMembershipGrants1764220000000 } from './1764220000000-unified-membership-grants';
import { ImportUploads1764230000000 } from './1764230000000-import-uploads';
/** In order. A new migration is appended here and never edited after it has shipped. */
export const INVITE_MIGRATIONS = [
  Accounts1764150100000,
  Invites1764150200000,
  RegistrationLinks1764160000000,
  ImportJobs1764170000000,
  VerifiedSignups1764180000000,
  Sessions1764190000000,
  ImportJobOwner1764200000000,
  MemberAddIntents1764200100000,
  ImportJobsTenancyIndex1764210500000,
  UnifiedMembershipGrants1764220000000,
  ImportUploads1764230000000,
];
