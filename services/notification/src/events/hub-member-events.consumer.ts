import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HUB_EVENTS, parseEvent } from '@gatehouse/contracts';
import { DeliveryIntake } from '../deliveries/delivery-intake';
import { memberAddedDeliveries } from '../deliveries/delivery-plans';

/**
 * The "you were added" notice, from the event the hub records in the very transaction that adds the
 * members (hub.member.added with `notice`): a crash anywhere after that decision cannot lose it, and the
 * inbox keeps a redelivered event from sending it twice. Members added without a notice (accepted invites,
 * registration links) send nothing here.
 */
@Controller()
export class HubMemberEventsConsumer {
  constructor(private readonly intake: DeliveryIntake) {}

  @EventPattern(HUB_EVENTS.MEMBERS_ADDED)
  async membersAdded(@Payload() data: unknown): Promise<void> {
    const event = await parseEvent(HUB_EVENTS.MEMBERS_ADDED, data);
    const { payload } = event;
    if (!payload.notice || !payload.addedBy) return;
    await this.intake.enqueue(
      memberAddedDeliveries(event, {
        hubId: payload.hubId,
        hubName: payload.hubName,
        tenancyId: payload.tenancyId,
        addedByAccountId: payload.addedBy,
        addedByName: payload.notice.addedByName,
        userType: payload.userType,
        signInUrl: payload.notice.signInUrl,
        members: payload.members,
      }),
    );
  }
}
