import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_CODES, WireError } from '@gatehouse/contracts';
import { isDomainError } from '@gatehouse/messaging';
import type { Response } from 'express';
import { statusOf } from './error-status';

/** Every HTTP error body is `{ code, message, details }`; the status comes from the code. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, WireError] {
    if (isDomainError(exception)) return [statusOf(exception.code), exception.toWire()];
    if (exception instanceof ThrottlerException) {
      return [
        HttpStatus.TOO_MANY_REQUESTS,
        { code: ERROR_CODES.AUTH_RATE_LIMITED, message: 'Too many attempts. Wait a minute and try again.' },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === HttpStatus.NOT_FOUND ? ERROR_CODES.NOT_FOUND : `HTTP.${status}`;
      const message = status === HttpStatus.NOT_FOUND ? 'No such resource.' : exception.message;
      return [status, { code, message }];
    }
    this.logger.error(
      exception instanceof Error ? exception.message : String(exception),
      exception instanceof Error ? exception.stack : undefined,
    );
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: ERROR_CODES.INTERNAL, message: 'Something went wrong on our side; it was logged.' },
    ];
  }
}
