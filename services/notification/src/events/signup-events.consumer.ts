import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SIGNUP_EVENTS, parseEvent } from '@gatehouse/contracts';
import { DeliveryIntake } from '../deliveries/delivery-intake';
import { signupConfirmDeliveries } from '../deliveries/delivery-plans';

/**
 * Sign-ups through a registration link: the verification email. Not an invite — it carries no
 * tenancy appendix (see docs/notification.md). A malformed event throws into the dead-letter queue.
 */
@Controller()
export class SignupEventsConsumer {
  constructor(private readonly intake: DeliveryIntake) {}

  @EventPattern(SIGNUP_EVENTS.CONFIRMATION_REQUESTED)
  async confirmationRequested(@Payload() data: unknown): Promise<void> {
    const event = await parseEvent(SIGNUP_EVENTS.CONFIRMATION_REQUESTED, data);
    await this.intake.enqueue(signupConfirmDeliveries(event, event.payload));
  }
}
