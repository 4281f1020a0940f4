/** An API refusal as the person should read it: the gateway's `{ code, message }` body, or a sentence of ours. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, from `Retry-After` (429). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is { code: string; message: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

/** Turns openapi-fetch's `{ data, error, response }` into the data, or throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { response } = result;
  if (response.ok) return result.data as T;
  const retryAfter = Number(response.headers.get('Retry-After'));
  const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  if (isErrorBody(result.error)) throw new ApiError(response.status, result.error.code, result.error.message, wait);
  throw new ApiError(response.status, `HTTP.${response.status}`, fallbackMessage(response.status), wait);
}

function fallbackMessage(status: number): string {
  if (status === 404) return 'This was not found. It may have been removed.';
  if (status >= 500) return 'Gatehouse could not answer just now. Try again in a moment.';
  return `The request was refused (HTTP ${status}).`;
}

/** What to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Gatehouse cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
