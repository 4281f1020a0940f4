import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GetPolicyRequest, PolicyView } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../permissions/access-policy';
import { toPolicyView } from '../views';
import { TenancyPolicyEntity } from './tenancy-policy.entity';

/** The tenancy's policy, for its tenant admins and operators. */
@Injectable()
export class GetPolicy {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ actor, tenancyId }: GetPolicyRequest): Promise<PolicyView> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    return toPolicyView(await this.dataSource.manager.findOneOrFail(TenancyPolicyEntity, { where: { tenancyId } }));
  }
}
