import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ERROR_CODES, ListMembersRequest, MembershipView, Page, pageWindow } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { HubEntity } from '../hubs/hub.entity';
import { AccessPolicy } from '../permissions/access-policy';
import { toMembershipView } from '../views';
import { MembershipEntity } from './membership.entity';

@Injectable()
export class ListMembers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * External Members see Team Members only; internal callers (no actor) see everyone, and so do the
   * tenancy's tenant admins and operators who open a Hub from the console without being members (read
   * only). `search` keeps the members whose name or email contains it, in any case (trigram indexes).
   */
  async execute(request: ListMembersRequest): Promise<Page<MembershipView>> {
    const { actor, hubId, userType } = request;
    const { limit, offset } = pageWindow(request);
    const search = request.search?.trim();
    let visibleTypes: string[] | null = userType ? [userType] : null;
    if (actor && !(await this.access.overseesHub(actor, hubId))) {
      const { membership } = await this.access.requireHubAction(actor, hubId, 'members.view');
      if (membership.userType === 'EXTERNAL_MEMBER') {
        visibleTypes = userType === 'EXTERNAL_MEMBER' ? [] : ['TEAM_MEMBER'];
      }
    } else if (!actor && !(await this.dataSource.manager.exists(HubEntity, { where: { id: hubId } }))) {
      throw new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');
    }
    const query = this.dataSource.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.hub_id = :hubId', { hubId })
      .orderBy('lower(m.display_name)')
      .addOrderBy('m.account_id')
      .take(limit)
      .skip(offset);
    if (visibleTypes) query.andWhere('m.user_type = ANY(:visibleTypes)', { visibleTypes });
    if (search) {
      query.andWhere('(m.display_name ILIKE :pattern OR m.email ILIKE :pattern)', { pattern: containsPattern(search) });
    }
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(toMembershipView), total, limit, offset };
  }
}

/** A LIKE pattern matching text that contains `text` literally (its %, _ and \ escaped). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
