import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RmqContext } from '@nestjs/microservices';
import { ERROR_CODES, WireError } from '@gatehouse/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { DomainError } from '@gatehouse/contracts';
import { takeHandlerError } from './handler-errors';
import { RpcErrorFilter } from './rpc-error.filter';

/** What Nest hands the filter for a message's handler: the payload and the RMQ context. */
function rpcHost(message: object = { properties: {} }) {
  const host = new ExecutionContextHost([{}, new RmqContext([message, {}, 'hub.probe.x'])]);
  host.setType('rpc');
  return host;
}

/** The wire error the filter answers for `exception`. */
async function answerFor(exception: unknown): Promise<WireError> {
  const reply = new RpcErrorFilter().catch(exception, rpcHost()) as Observable<WireError>;
  return firstValueFrom(reply).then(
    () => {
      throw new Error('expected an error reply');
    },
    (wire: WireError) => wire,
  );
}

describe('RpcErrorFilter', () => {
  it('keeps the raw error with the message, for the server to settle it by', () => {
    const message = { properties: {} };
    const crash = new Error('a bug');
    new RpcErrorFilter().catch(crash, rpcHost(message));
    expect(takeHandlerError(message, 'none kept')).toBe(crash);
    expect(takeHandlerError(message, 'none kept')).toBe('none kept');
  });

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
