import { InitialHubSchema1764150000000 } from './1764150000000-initial-hub-schema';
import { MemberSearch1764180000000 } from './1764180000000-member-search';
import { PolicyAppendixSwitch1764210000000 } from './1764210000000-policy-appendix-switch';
import { AuditFilterIndexes1764210500000 } from './1764210500000-audit-filter-indexes';
import { MembershipRequestKey1764400000000 } from './1764400000000-membership-request-key';

/** In order. A new migration is appended here and never edited after it has shipped. */
export const HUB_MIGRATIONS = [
  InitialHubSchema1764150000000,
  MemberSearch1764180000000,
  PolicyAppendixSwitch1764210000000,
  AuditFilterIndexes1764210500000,
  MembershipRequestKey1764400000000,
];
