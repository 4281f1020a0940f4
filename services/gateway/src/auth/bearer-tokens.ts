import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountView, Actor, ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { GatewayEnv } from '../gateway.config';

interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  op: boolean;
}

const ALGORITHM = 'HS256' as const;

/** Short-lived bearer tokens, HS256 pinned on both signing and verifying. */
@Injectable()
export class BearerTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: GatewayEnv,
  ) {}

  async issue(account: AccountView): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessTokenClaims = {
      sub: account.id,
      email: account.email,
      name: account.displayName,
      op: account.isOperator,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.env.JWT_SECRET,
      algorithm: ALGORITHM,
      expiresIn: this.env.JWT_TTL_SECONDS,
      issuer: 'gatehouse',
    });
    return { accessToken, expiresIn: this.env.JWT_TTL_SECONDS };
  }

  async verify(token: string): Promise<Actor> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.env.JWT_SECRET,
        algorithms: [ALGORITHM],
        issuer: 'gatehouse',
      });
      return { accountId: claims.sub, email: claims.email, displayName: claims.name, isOperator: claims.op === true };
    } catch {
      throw new DomainError(ERROR_CODES.AUTH_REQUIRED, 'Your session is missing or has expired. Sign in again.');
    }
  }
}
