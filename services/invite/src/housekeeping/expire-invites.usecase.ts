import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_EVENTS } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../invites/data/invites.repository';
import { inviteStateEvents } from '../invites/domain/invite-events';
import { INVITE_CHUNK_SIZE } from '../invites/invites.constants';

/**
 * The expiry sweep: pending invites past their expiry become `expired`, announced by
 * invite.invite.expired (one event per Hub and chunk) in the same transaction. Until the sweep gets to
 * them, reads already treat them as expired and accepting them fails.
 */
@Injectable()
export class ExpireInvites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InvitesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const expired = await this.invites.expireDue(manager, INVITE_CHUNK_SIZE);
        await this.outbox.add(
          manager,
          inviteStateEvents(INVITE_EVENTS.EXPIRED, expired, () => null, 'expired'),
        );
        return expired.length;
      });
      total += count;
      if (count < INVITE_CHUNK_SIZE) return total;
    }
  }
}
