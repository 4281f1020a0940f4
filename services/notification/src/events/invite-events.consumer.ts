import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { INVITE_EVENTS } from '@gatehouse/contracts';
import { DeliveryIntake } from '../deliveries/delivery-intake';
import { inviteDeliveries, memberAddedDeliveries } from '../deliveries/delivery-plans';
import { InvitesIssuedPayloadDto } from './invites-issued.payload';
import { MembersAddedNoticePayloadDto } from './members-added-notice.payload';
import { parseEvent } from './parse-event';

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
    await this.invitesIssued(data);
  }

  @EventPattern(INVITE_EVENTS.RESENT)
  async inviteResent(@Payload() data: unknown): Promise<void> {
    await this.invitesIssued(data);
  }

  /** Sends the notice only for events from before the hub carried it (see HubMemberEventsConsumer). */
  @EventPattern(INVITE_EVENTS.MEMBER_ADDED)
  async memberAdded(@Payload() data: unknown): Promise<void> {
    const event = await parseEvent(MembersAddedNoticePayloadDto, data);
    if (event.payload.noticeByHub) return;
    await this.intake.enqueue(memberAddedDeliveries(event, event.payload));
  }

  private async invitesIssued(data: unknown): Promise<void> {
    const event = await parseEvent(InvitesIssuedPayloadDto, data);
    await this.intake.enqueue(inviteDeliveries(event, event.payload));
  }
}
