import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AccountResolver } from './account-resolver';
import { AddTenantAdminBody, AuditQuery, CreateTenancyBody, PageQuery, UpdatePolicyBody } from './api.dto';
import { uuidParam } from './uuid-param';

@ApiTags('tenancies')
@ApiBearerAuth()
@Controller('api/v1/tenancies')
export class TenanciesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly accounts: AccountResolver,
  ) {}

  /** Operators only (checked by the hub service). */
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateTenancyBody) {
    const firstAdmin = await this.accounts.byEmail(body.firstAdminEmail);
    return this.rpc.call(HUB_PATTERNS.TENANCY_CREATE, { actor, name: body.name, slug: body.slug, firstAdmin });
  }

  /** Operators see every tenancy; tenant admins their own. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.rpc.call(HUB_PATTERNS.TENANCY_LIST, { actor, ...query });
  }

  @Post(':tenancyId/admins')
  async addAdmin(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: AddTenantAdminBody,
  ) {
    const admin = await this.accounts.byEmail(body.email);
    return this.rpc.call(HUB_PATTERNS.TENANT_ADMIN_ADD, { actor, tenancyId, admin });
  }

  @Get(':tenancyId/policy')
  getPolicy(@CurrentActor() actor: Actor, @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string) {
    return this.rpc.call(HUB_PATTERNS.POLICY_GET, { actor, tenancyId });
  }

  @Patch(':tenancyId/policy')
  updatePolicy(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: UpdatePolicyBody,
  ) {
    return this.rpc.call(HUB_PATTERNS.POLICY_UPDATE, { actor, tenancyId, ...body });
  }

  @Get(':tenancyId/audit')
  audit(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: AuditQuery,
  ) {
    return this.rpc.call(HUB_PATTERNS.AUDIT_LIST, { actor, tenancyId, ...query });
  }
}
