import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, ERROR_CODES } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/messaging';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { GatewayEnv } from '../gateway.config';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

export type AuthenticatedRequest = Request & { actor?: Actor };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Authenticated by default: every route needs a valid bearer token unless it is marked @Public() or
 * is a health probe. /metrics takes the METRICS_TOKEN or an operator's token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.path.startsWith('/health/')) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/i.exec(header);
    if (!match) throw new DomainError(ERROR_CODES.AUTH_REQUIRED, 'Sign in first: this endpoint needs a bearer token.');
    if (request.path === '/metrics') {
      if (this.env.METRICS_TOKEN && sameSecret(match[1], this.env.METRICS_TOKEN)) return true;
      const actor = await this.tokens.verify(match[1]);
      if (!actor.isOperator) throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Metrics are for operators.');
      return true;
    }
    request.actor = await this.tokens.verify(match[1]);
    return true;
  }
}
