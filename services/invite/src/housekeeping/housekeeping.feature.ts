import type { Provider } from '@nestjs/common';
import { ExpireInvitesJob } from './expire-invites.job';
import { InviteHousekeeping } from './invite-housekeeping';
import { PickUpRegisteredInviteesJob } from './pick-up-registered-invitees.job';
import { PruneExpiredSignupsJob } from './prune-expired-signups.job';
import { PruneJoinAttemptsJob } from './prune-join-attempts.job';
import { PruneOutboxJob } from './prune-outbox.job';
import { PruneStaleUploadsJob } from './prune-stale-uploads.job';

/**
 * The invite service's periodic housekeeping (expiry sweep, registered-invitee pickup, pruning of the
 * outbox, old sessions, registration-link attempts, expired sign-ups and abandoned uploads), registered in the root module beside the invites and accounts it works on.
 */
export const HOUSEKEEPING_PROVIDERS: Provider[] = [
  ExpireInvitesJob,
  PickUpRegisteredInviteesJob,
  PruneOutboxJob,
  PruneJoinAttemptsJob,
  PruneExpiredSignupsJob,
  PruneStaleUploadsJob,
  InviteHousekeeping,
];
