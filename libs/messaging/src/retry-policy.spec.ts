import { ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { isTransientError, retryDelayFor, retryDelays } from './retry-policy';

describe('isTransientError', () => {
  const pgError = (code: string) => Object.assign(new Error('pg says no'), { code });
  /** TypeORM wraps the driver's error in a QueryFailedError with `driverError`. */
  const wrapped = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

  it.each(['08006', '08001', '57P01', '57P02', '57P03', '40001', '40P01', '55P03', '57014'])(
    'PostgreSQL %s is transient, also wrapped by TypeORM',
    (code) => {
      expect(isTransientError(pgError(code))).toBe(true);
      expect(isTransientError(wrapped(pgError(code)))).toBe(true);
    },
  );

  it.each([
    new Error('Connection terminated unexpectedly'),
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('Query read timeout'),
    // TypeORM, when the connection under a transaction was terminated.
    Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
      name: 'QueryRunnerAlreadyReleasedError',
    }),
    new Error(
      'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
    ),
    new DomainError(ERROR_CODES.RPC_TIMEOUT, 'The hub service did not answer within 5000 ms.'),
    new DomainError(ERROR_CODES.RPC_UNAVAILABLE, 'The hub service cannot be reached.'),
  ])('%s is transient', (error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    pgError('23505'),
    pgError('42P01'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    new DomainError(ERROR_CODES.VALIDATION_FAILED, 'The connection timeout field is wrong.'),
    'a string',
    undefined,
  ])('%s is permanent', (error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe('retry back-off', () => {
  it('doubles from the base up to the max, one queue per distinct wait', () => {
    const policy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayFor(policy, retry))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(retryDelays(policy)).toEqual([1000, 2000, 4000, 5000]);
  });
});
