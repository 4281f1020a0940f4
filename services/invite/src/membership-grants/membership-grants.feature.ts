import type { Provider } from '@nestjs/common';
import { MembershipGrantWorker } from './membership-grant.worker';
import { MembershipGrantsRepository } from './membership-grants.repository';

/**
 * The one membership-grant pipeline (accepted invites, registration-link joins), registered in the root
 * module: the use cases that record grants and the housekeeping pickup use it.
 */
export const MEMBERSHIP_GRANT_PROVIDERS: Provider[] = [MembershipGrantsRepository, MembershipGrantWorker];
