import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';

/** Something /health/ready must see working: the database, the broker. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** /health/live: the process answers. /health/ready: it can do its work (503 with the failing parts). */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => [name, await check().catch(() => false)] as const),
    );
    const report = Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down']));
    if (results.some(([, ok]) => !ok)) {
      throw new HttpException({ status: 'unavailable', checks: report }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', checks: report };
  }
}
