import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { HUB_EVENTS, parseEvent } from '@gatehouse/contracts';
import { claimMessage } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { INVITE_DB_SCHEMA } from '../invites.constants';
import {
  InviterRevokeReason,
  RevokeInviterInvites,
  mayInvite,
} from '../usecases/revoke-inviter-invites/revoke-inviter-invites';

/**
 * Keeps live invites in line with their inviters' rights: a member who can no longer invite in a Hub
 * (invite permission off, now an External Member, removed) leaves no live invites there.
 */
@Controller()
export class InviterRightsConsumer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revoker: RevokeInviterInvites,
  ) {}

  @EventPattern(HUB_EVENTS.MEMBER_CHANGED)
  async onMemberChanged(@Payload() data: unknown): Promise<void> {
    const envelope = await parseEvent(HUB_EVENTS.MEMBER_CHANGED, data);
    const { hubId, changedBy, after } = envelope.payload;
    await this.revoke(
      envelope.id,
      hubId,
      after.accountId,
      changedBy,
      mayInvite(after) ? null : 'inviter_lost_permission',
    );
  }

  @EventPattern(HUB_EVENTS.MEMBER_REMOVED)
  async onMemberRemoved(@Payload() data: unknown): Promise<void> {
    const envelope = await parseEvent(HUB_EVENTS.MEMBER_REMOVED, data);
    const { hubId, accountId, removedBy } = envelope.payload;
    await this.revoke(envelope.id, hubId, accountId, removedBy, 'inviter_removed');
  }

  private async revoke(
    messageId: string,
    hubId: string,
    inviterAccountId: string,
    changedBy: string,
    reason: InviterRevokeReason | null,
  ): Promise<void> {
    // Claimed even when nothing is to be revoked: the inbox then shows that the event was seen.
    await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, INVITE_DB_SCHEMA, messageId, 'inviter-rights'))) return;
      if (reason) await this.revoker.revokeIn(manager, hubId, inviterAccountId, changedBy, reason);
    });
  }
}
