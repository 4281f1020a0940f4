import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation } from '../openapi/operation';
import { SystemHealthResponse } from './system-health.responses';
import { SystemHealthCheck } from './system-health-check';

/** The installation's health in one answer, for the console's Health page. Operators only. */
@ApiTags('system')
@Controller('api/v1/system')
export class SystemHealthController {
  constructor(private readonly health: SystemHealthCheck) {}

  @Get('health')
  @Operation({
    id: 'getSystemHealth',
    summary: 'Health of every process, PostgreSQL, RabbitMQ, every queue, the outboxes and the emails waiting',
    description:
      'Operators only. Always 200 while the gateway runs: a service that does not answer within 2 s shows as ' +
      'down, a queue the broker lacks as missing.',
    errors: { 403: ['PERMISSION.DENIED'] },
  })
  @ApiOkResponse({ type: SystemHealthResponse })
  async get(@CurrentActor() actor: Actor): Promise<SystemHealthResponse> {
    // Each service refuses non-operators too; refusing here first keeps the answer one clear error.
    if (!actor.isOperator) {
      throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only operators can see the health of the installation.');
    }
    return this.health.report(actor);
  }
}
