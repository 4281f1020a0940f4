import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Response } from 'express';
import { ERROR_CODES, WireError, isDomainError } from '@gatehouse/contracts';
import { Observable, throwError } from 'rxjs';
import { keepHandlerError } from './handler-errors';
import { isTransientError } from './retry-policy';

/**
 * Turns whatever an RPC or event handler threw into `{ code, message, details }` for the reply. A
 * transient failure (its database or broker briefly away) answers RPC.UNAVAILABLE, not INTERNAL, so that
 * the caller knows trying again may work — a mass invite's runner, for one, retries its step instead of
 * failing the whole job while PostgreSQL restarts. The raw error stays with the message, for
 * GatehouseServerRMQ to settle it by (ack, retry or dead-letter).
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<WireError> | void {
    if (host.getType() === 'http') return this.answerHttp(exception, host);
    const message = host.switchToRpc().getContext<RmqContext | undefined>()?.getMessage?.() as object | undefined;
    if (message) keepHandlerError(message, exception);
    if (isDomainError(exception)) return throwError(() => exception.toWire());
    if (isTransientError(exception)) {
      return throwError(() => ({
        code: ERROR_CODES.RPC_UNAVAILABLE,
        message:
          'The service could not answer just now (its database or broker was briefly away). Try again in a moment.',
        details: {},
      }));
    }
    this.logger.error(
      exception instanceof Error ? exception.message : String(exception),
      exception instanceof Error ? exception.stack : undefined,
    );
    return throwError(() => ({
      code: ERROR_CODES.INTERNAL,
      message: 'The service failed unexpectedly; the failure was logged.',
      details: {},
    }));
  }

  /** A back-end process serves only health and metrics over HTTP; their errors keep their status. */
  private answerHttp(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    this.logger.error(exception instanceof Error ? exception.message : String(exception));
    response.status(500).json({ code: ERROR_CODES.INTERNAL, message: 'Internal error' });
  }
}
