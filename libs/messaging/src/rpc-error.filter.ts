import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { ERROR_CODES, WireError } from '@gatehouse/contracts';
import { Observable, throwError } from 'rxjs';
import { isDomainError } from './domain-error';

/** Turns whatever a handler threw into `{ code, message, details }` for the RPC reply. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<WireError> {
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
}
