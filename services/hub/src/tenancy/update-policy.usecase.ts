import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HUB_EVENTS, PolicyChangedPayload, PolicyView, UpdatePolicyRequest } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { AccessPolicy } from '../permissions/access-policy';
import { toPolicyView } from '../views';
import { changeAppendix } from './appendix-rule';
import { TenancyPolicyEntity } from './tenancy-policy.entity';

/** What a tenant admin sets in a policy: compared to tell a change, and recorded before/after in the audit log. */
const POLICY_FIELDS = [
  'inviteMessageAppendix',
  'inviteMessageAppendixEnabled',
  'inviteMessageAppendixText',
  'inviteExpiryDays',
] as const satisfies (keyof PolicyView)[];

const policyFields = (view: PolicyView) => Object.fromEntries(POLICY_FIELDS.map((field) => [field, view[field]]));

/**
 * A tenant admin changes the policy: a real change bumps its version, announces hub.policy.changed and is
 * audited before/after; setting what is already there changes nothing.
 */
@Injectable()
export class UpdatePolicy {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(request: UpdatePolicyRequest): Promise<PolicyView> {
    const { actor, tenancyId } = request;
    await this.access.requireTenancyAdmin(actor, tenancyId);
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.findOneOrFail(TenancyPolicyEntity, {
        where: { tenancyId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = toPolicyView(policy);
      const appendix = changeAppendix(
        { text: policy.inviteMessageAppendix, enabled: policy.inviteMessageAppendixEnabled },
        request,
      );
      policy.inviteMessageAppendix = appendix.text;
      policy.inviteMessageAppendixEnabled = appendix.enabled;
      if (request.inviteExpiryDays !== undefined) policy.inviteExpiryDays = request.inviteExpiryDays;
      const changed = POLICY_FIELDS.some((field) => toPolicyView(policy)[field] !== before[field]);
      if (!changed) return before;
      policy.version += 1;
      policy.updatedAt = new Date();
      await manager.save(policy);
      const after = toPolicyView(policy);
      const payload: PolicyChangedPayload = {
        tenancyId,
        inviteMessageAppendix: after.inviteMessageAppendix,
        inviteExpiryDays: after.inviteExpiryDays,
        version: after.version,
        changedBy: actor.accountId,
        updatedAt: after.updatedAt,
      };
      await this.outbox.add(manager, { name: HUB_EVENTS.POLICY_CHANGED, payload });
      await this.audit.append(manager, {
        tenancyId,
        actorAccountId: actor.accountId,
        action: 'policy.changed',
        details: { before: policyFields(before), after: policyFields(after) },
      });
      return after;
    });
  }
}
