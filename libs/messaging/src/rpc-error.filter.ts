import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ERROR_CODES, WireError, isDomainError } from '@gatehouse/contracts';
import { Observable, throwError } from 'rxjs';

/** Turns whatever an RPC or event handler threw into `{ code, message, details }` for the reply. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<WireError> | void {
    if (host.getType() === 'http') return this.answerHttp(exception, host);
    if (isDomainError(exception)) return throwError(() => exception.toWire());
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
