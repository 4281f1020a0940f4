import type { Provider } from '@nestjs/common';
import { ExpireInvitesJob } from './expire-invites.usecase';
import { InviteHousekeeping } from './invite-housekeeping.worker';
import { PickUpRegisteredInviteesJob } from './pick-up-registered-invitees.usecase';
import { PruneExpiredSignupsJob } from './prune-expired-signups.usecase';
import { PruneJoinAttemptsJob } from './prune-join-attempts.usecase';
import { PruneOutboxJob } from './prune-outbox.usecase';

/**
 * The invite service's periodic housekeeping (expiry sweep, registered-invitee pickup, pruning of the
 * outbox, old sessions, registration-link attempts and expired sign-ups), registered in the root module beside the invites and accounts it works on.
 */
export const HOUSEKEEPING_PROVIDERS: Provider[] = [
  ExpireInvitesJob,
  PickUpRegisteredInviteesJob,
  PruneOutboxJob,
  PruneJoinAttemptsJob,
  PruneExpiredSignupsJob,
  InviteHousekeeping,
];
