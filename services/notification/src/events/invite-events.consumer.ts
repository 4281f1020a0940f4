import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ConsumedEvent, INVITE_EVENTS, parseEvent } from '@gatehouse/contracts';
import { DeliveryIntake } from '../deliveries/delivery-intake';
import { inviteDeliveries, memberAddedDeliveries } from '../deliveries/delivery-plans';

/**
 * Invite lifecycle events that send email. A malformed event throws (VALIDATION.FAILED with every
 * problem listed): the message interceptor logs it and rejects it into the dead-letter queue.
 * Revoked, accepted and expired invites send nothing, by design (see docs/notification.md).
 */
@Controller()
export class InviteEventsConsumer {
  constructor(private readonly intake: DeliveryIntake) {}

  @EventPattern(INVITE_EVENTS.CREATED)
  async inviteCreated(@Payload() data: unknown): Promise<void> {
    await this.invitesIssued(await parseEvent(INVITE_EVENTS.CREATED, data));
  }

  @EventPattern(INVITE_EVENTS.RESENT)
  async inviteResent(@Payload() data: unknown): Promise<void> {
    await this.invitesIssued(await parseEvent(INVITE_EVENTS.RESENT, data));
  }

  /** Sends the notice only for events from before the hub carried it (see HubMemberEventsConsumer). */
  @EventPattern(INVITE_EVENTS.MEMBER_ADDED)
  async memberAdded(@Payload() data: unknown): Promise<void> {
    const event = await parseEvent(INVITE_EVENTS.MEMBER_ADDED, data);
    if (event.payload.noticeByHub) return;
    await this.intake.enqueue(memberAddedDeliveries(event, event.payload));
  }

  private async invitesIssued(event: ConsumedEvent<typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.RESENT>) {
    await this.intake.enqueue(inviteDeliveries(event, event.payload));
  }
}
