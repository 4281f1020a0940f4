import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ERROR_CODES, HUB_PATTERNS, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { TenancyAdminCheck } from './tenancy-admin-check';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AccountResolver } from './account-resolver';
import { PageQuery } from '../http/page-query.dto';
import { AddTenantAdminBody, CreateTenancyBody, UpdatePolicyBody } from './tenancies.dto';
import { Operation, TENANCY_ERRORS, withErrors } from '../openapi/operation';
import { Policy, Tenancy, TenancyPage, TenantAdminAdded } from './tenancies.responses';
import { uuidParam } from '../http/uuid-param';

@ApiTags('tenancies')
@Controller('api/v1/tenancies')
export class TenanciesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly accounts: AccountResolver,
    private readonly tenancyAdmins: TenancyAdminCheck,
  ) {}

  /** Operators only (checked by the hub service). */
  @Post()
  @Operation({
    id: 'createTenancy',
    summary: 'Create a tenancy with its first tenant admin',
    description: 'Operators only.',
    errors: {
      400: ['VALIDATION.FAILED', 'ACCOUNT.INVALID_EMAIL'],
      403: ['PERMISSION.DENIED'],
      404: ['ACCOUNT.NOT_FOUND'],
      409: ['TENANCY.SLUG_TAKEN'],
    },
  })
  @ApiCreatedResponse({ type: Tenancy })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateTenancyBody) {
    // Before the address look-up: whether an account exists is not for just anyone to learn (the hub checks again).
    if (!actor.isOperator) {
      throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only a platform operator can create tenancies.');
    }
    const firstAdmin = await this.accounts.byEmail(body.firstAdminEmail);
    return this.rpc.call(HUB_PATTERNS.TENANCY_CREATE, { actor, name: body.name, slug: body.slug, firstAdmin });
  }

  /** Operators see every tenancy; tenant admins their own. */
  @Get()
  @Operation({
    id: 'listTenancies',
    summary: 'List tenancies',
    description: 'Operators see every tenancy; tenant admins their own.',
    errors: { 400: ['VALIDATION.FAILED'] },
  })
  @ApiOkResponse({ type: TenancyPage })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.rpc.call(HUB_PATTERNS.TENANCY_LIST, { actor, ...query });
  }

  @Post(':tenancyId/admins')
  @Operation({
    id: 'addTenantAdmin',
    summary: 'Make a registered account a tenant admin',
    description: 'Tenant admins of the tenancy and operators.',
    errors: withErrors(TENANCY_ERRORS, { 400: ['ACCOUNT.INVALID_EMAIL'], 404: ['ACCOUNT.NOT_FOUND'] }),
  })
  @ApiCreatedResponse({ type: TenantAdminAdded })
  async addAdmin(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: AddTenantAdminBody,
  ) {
    // Permission first: otherwise anyone signed in could learn which addresses have an account.
    await this.tenancyAdmins.require(actor, tenancyId);
    const admin = await this.accounts.byEmail(body.email);
    return this.rpc.call(HUB_PATTERNS.TENANT_ADMIN_ADD, { actor, tenancyId, admin });
  }

  @Get(':tenancyId/policy')
  @Operation({
    id: 'getPolicy',
    summary: "Get a tenancy's invite policy",
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: Policy })
  getPolicy(@CurrentActor() actor: Actor, @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string) {
    return this.rpc.call(HUB_PATTERNS.POLICY_GET, { actor, tenancyId });
  }

  @Patch(':tenancyId/policy')
  @Operation({
    id: 'updatePolicy',
    summary: "Change a tenancy's invite policy (email appendix, invite expiry)",
    description: 'Tenant admins of the tenancy and operators.',
    errors: withErrors(TENANCY_ERRORS, { 400: ['POLICY.APPENDIX_BLANK', 'POLICY.APPENDIX_TOO_LONG'] }),
  })
  @ApiOkResponse({ type: Policy })
  updatePolicy(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: UpdatePolicyBody,
  ) {
    return this.rpc.call(HUB_PATTERNS.POLICY_UPDATE, { actor, tenancyId, ...body });
  }
}
