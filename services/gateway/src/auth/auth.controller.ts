import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_PATTERNS, Actor, MAX_PASSWORD_LENGTH } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Operation } from '../openapi/operation';
import { ActorResponse, SignInResult } from './auth.responses';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';
import { BearerTokens } from './bearer-tokens';

/** Email and password: the bearer sign-in and the browser session's sign-in take the same body. */
export class SignInBody {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: BearerTokens,
  ) {}

  /** Exchanges email and password for a short-lived bearer token. Rate-limited per client address. */
  @Public()
  @UseGuards(SignInThrottlerGuard)
  @Post('auth/sign-in')
  @HttpCode(200)
  @Operation({
    id: 'signIn',
    summary: 'Sign in for a bearer token',
    description: 'Exchanges email and password for a short-lived bearer token. Rate-limited per client address.',
    public: true,
    errors: { 400: ['VALIDATION.FAILED'], 401: ['AUTH.INVALID_CREDENTIALS'], 429: ['AUTH.RATE_LIMITED'] },
  })
  @ApiOkResponse({ type: SignInResult })
  async signIn(@Body() body: SignInBody) {
    const account = await this.rpc.call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, body);
    const token = await this.tokens.issue(account);
    return { ...token, tokenType: 'Bearer', account };
  }

  @Get('me')
  @Operation({ id: 'getMe', summary: 'Who is signed in', errors: {} })
  @ApiOkResponse({ type: ActorResponse })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
