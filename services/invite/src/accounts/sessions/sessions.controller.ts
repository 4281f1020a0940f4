import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCOUNT_PATTERNS,
  EndAccountSessionsRequest,
  SessionTokenRequest,
  StartSessionRequest,
} from '@gatehouse/contracts';
import { SessionsService } from './resolve-session.usecase';

/** Browser sessions over RPC; only the gateway calls these. */
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_START)
  start(@Payload() request: StartSessionRequest) {
    return this.sessions.start(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_RESOLVE)
  resolve(@Payload() request: SessionTokenRequest) {
    return this.sessions.resolve(request.token);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_END)
  end(@Payload() request: SessionTokenRequest) {
    return this.sessions.end(request.token);
  }

  @MessagePattern(ACCOUNT_PATTERNS.SESSION_END_ALL)
  endAll(@Payload() request: EndAccountSessionsRequest) {
    return this.sessions.endAll(request.accountId);
  }
}
