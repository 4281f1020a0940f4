import { Injectable } from '@nestjs/common';
import { InviteEnv } from '../../invite.config';

/** The public join page's URL for a token: `${PUBLIC_BASE_URL}/join/${token}`. */
@Injectable()
export class JoinUrls {
  private readonly base: string;

  constructor(env: InviteEnv) {
    this.base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  forToken(token: string): string {
    return `${this.base}/join/${token}`;
  }
}
