import { ArgumentsHost } from '@nestjs/common';
import { ERROR_CODES, WireError } from '@gatehouse/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { DomainError } from '@gatehouse/contracts';
import { RpcErrorFilter } from './rpc-error.filter';

const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

/** The wire error the filter answers for `exception`. */
async function answerFor(exception: unknown): Promise<WireError> {
  const reply = new RpcErrorFilter().catch(exception, rpcHost) as Observable<WireError>;
  return firstValueFrom(reply).then(
    () => {
      throw new Error('expected an error reply');
    },
    (wire: WireError) => wire,
  );
}

describe('RpcErrorFilter', () => {
  it('answers a domain refusal with its own code', async () => {
    const wire = await answerFor(new DomainError(ERROR_CODES.PERMISSION_DENIED, 'No.', {}));
    expect(wire).toMatchObject({ code: ERROR_CODES.PERMISSION_DENIED, message: 'No.' });
  });

  it('answers a transient failure (PostgreSQL restarting) with RPC.UNAVAILABLE, which callers retry', async () => {
    const restarting = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(await answerFor(restarting)).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(await answerFor(refused)).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE });
  });

  it('answers anything else (a bug) with INTERNAL', async () => {
    expect(await answerFor(new TypeError("Cannot read properties of undefined (reading 'id')"))).toMatchObject({
      code: ERROR_CODES.INTERNAL,
    });
  });
});
