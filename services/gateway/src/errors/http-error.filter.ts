import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_CODES, WireError, isDomainError } from '@gatehouse/contracts';
import type { Response } from 'express';
import { statusOf } from './error-status';

/** Every HTTP error body is `{ code, message, details }`; the status comes from the code. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception, response);
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown, response: Response): [number, WireError] {
    if (isDomainError(exception)) return [statusOf(exception.code), exception.toWire()];
    if (exception instanceof ThrottlerException) {
      // The throttler has set Retry-After (seconds) on the response already; the sentence says the same.
      const seconds = Number(response.getHeader('Retry-After'));
      const wait =
        Number.isFinite(seconds) && seconds > 0 ? `${seconds} second${seconds === 1 ? '' : 's'}` : 'a minute';
      return [
        HttpStatus.TOO_MANY_REQUESTS,
        { code: ERROR_CODES.AUTH_RATE_LIMITED, message: `Too many attempts. Wait ${wait} and try again.` },
      ];
    }
    // Nest's own HTTP errors (no route, a malformed body) and Express's body parser (too large): the caller's.
    const status =
      exception instanceof HttpException ? exception.getStatus() : (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return [status, clientError(status, exception)];
    // A deliberate 5xx, such as /health/ready's 503 with the failing checks, keeps its status and body.
    if (exception instanceof HttpException) return [exception.getStatus(), exception.getResponse() as WireError];
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

/** The code and sentence for a 4xx that did not come from a domain error. */
function clientError(status: number, exception: unknown): WireError {
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return { code: ERROR_CODES.NOT_FOUND, message: 'No such resource.' };
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return { code: ERROR_CODES.REQUEST_TOO_LARGE, message: 'The request body is too large.' };
    case HttpStatus.BAD_REQUEST:
      return {
        code: ERROR_CODES.VALIDATION_FAILED,
        message: `The request is not valid: ${(exception as Error).message}.`,
      };
    default:
      return { code: `HTTP.${status}`, message: (exception as Error).message };
  }
}
