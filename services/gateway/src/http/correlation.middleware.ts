import { Injectable, NestMiddleware } from '@nestjs/common';
import { runWithCorrelationId } from '@gatehouse/messaging';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

/** Gives every HTTP request a correlation id (the caller's X-Request-Id if sane) that follows it over RabbitMQ. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header('x-request-id');
    const id = offered && /^[\w.:-]{1,100}$/.test(offered) ? offered : randomUUID();
    response.setHeader('x-request-id', id);
    runWithCorrelationId(id, next);
  }
}
