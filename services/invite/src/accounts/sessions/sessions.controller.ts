import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCOUNT_PATTERNS,
  EndAccountSessionsRequest,
  SessionTokenRequest,
  StartSessionRequest,
} from '@gatehouse/contracts';
import { EndAccountSessions } from './end-account-sessions.usecase';
import { EndSession } from './end-session.usecase';
import { ResolveSession } from './resolve-session.usecase';
import { StartSession } from './start-session.usecase';

/** Browser sessions over RPC; only the gateway calls these. */
@Controller()
export class SessionsController {
  constructor(
    private readonly startSession: StartSession,
    private readonly resolveSession: ResolveSession,
    private readonly endSession: EndSession,
    private readonly endAccountSessions: EndAccountSessions,
  ) {}

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_START)
  start(@Payload() request: StartSessionRequest) {
    return this.startSession.execute(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_RESOLVE)
  resolve(@Payload() request: SessionTokenRequest) {
    return this.resolveSession.execute(request.token);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_END)
  end(@Payload() request: SessionTokenRequest) {
    return this.endSession.execute(request.token);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_END_ALL)
  endAll(@Payload() request: EndAccountSessionsRequest) {
    return this.endAccountSessions.execute(request.accountId);
  }
}
