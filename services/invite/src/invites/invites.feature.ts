import type { Provider, Type } from '@nestjs/common';
import { InviterRightsConsumer } from './consumers/inviter-rights.consumer';
import { InvitesRepository } from './data/invites.repository';
import { InviteBatchDecider } from './decide/invite-batch.decider';
import { HubClient } from '../hub/hub-client';
import { InvitesController } from './invites.controller';
import { AcceptInvite } from './usecases/accept-invite/accept-invite.usecase';
import { AcceptPendingInvites } from './usecases/accept-pending-invites/accept-pending-invites';
import { CreateInvite } from './usecases/create-invite/create-invite.usecase';
import { ListInvites } from './usecases/list-invites/list-invites.usecase';
import { PreviewInvite } from './usecases/preview-invite/preview-invite.usecase';
import { RenewInviteLinks } from './usecases/renew-invite-links/renew-invite-links.usecase';
import { ResendInvite } from './usecases/resend-invite/resend-invite.usecase';
import { RevokeInvite } from './usecases/revoke-invite/revoke-invite.usecase';
import { RevokeInviterInvites } from './usecases/revoke-inviter-invites/revoke-inviter-invites';

/**
 * The invites feature, registered in the invite service's root module next to the accounts it uses
 * (AccountsService.createIn and lookup). Controllers: RPC handlers and event consumers.
 */
export const INVITES_CONTROLLERS: Type[] = [InvitesController, InviterRightsConsumer];

export const INVITES_PROVIDERS: Provider[] = [
  InvitesRepository,
  HubClient,
  InviteBatchDecider,
  AcceptPendingInvites,
  RevokeInviterInvites,
  CreateInvite,
  ListInvites,
  ResendInvite,
  RevokeInvite,
  PreviewInvite,
  AcceptInvite,
  RenewInviteLinks,
];
