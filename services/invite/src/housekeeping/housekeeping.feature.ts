import type { Provider } from '@nestjs/common';
import { ExpireInvites } from './expire-invites.usecase';
import { InviteHousekeeping } from './invite-housekeeping.worker';
import { PickUpRegisteredInvitees } from './pick-up-registered-invitees.usecase';
import { PruneExpiredSignups } from './prune-expired-signups.usecase';
import { PruneJoinAttempts } from './prune-join-attempts.usecase';
import { PruneOutbox } from './prune-outbox.usecase';
import { PruneStaleUploads } from './prune-stale-uploads.usecase';

/**
 * The invite service's periodic housekeeping (expiry sweep, registered-invitee pickup, pruning of the
 * outbox, old sessions, registration-link attempts, expired sign-ups and abandoned uploads), registered in the root module beside the invites and accounts it works on.
 */
export const HOUSEKEEPING_PROVIDERS: Provider[] = [
  ExpireInvites,
  PickUpRegisteredInvitees,
  PruneOutbox,
  PruneJoinAttempts,
  PruneExpiredSignups,
  PruneStaleUploads,
  InviteHousekeeping,
];
