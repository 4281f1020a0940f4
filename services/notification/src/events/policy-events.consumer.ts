import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HUB_EVENTS, parseEvent } from '@gatehouse/contracts';
import { PolicyReadModel } from '../policy/policy-read-model';

/** Keeps the policy read model current. Idempotent by version: a stale or repeated event changes nothing. */
@Controller()
export class PolicyEventsConsumer {
  private readonly logger = new Logger('PolicyEventsConsumer');

  constructor(private readonly policies: PolicyReadModel) {}

  @EventPattern(HUB_EVENTS.POLICY_CHANGED)
  async policyChanged(@Payload() data: unknown): Promise<void> {
    const { payload: change } = await parseEvent(HUB_EVENTS.POLICY_CHANGED, data);
    if (!(await this.policies.apply(change))) {
      this.logger.debug(`policy of tenancy ${change.tenancyId} v${change.version} is not newer than ours; ignored`);
    }
  }
}
