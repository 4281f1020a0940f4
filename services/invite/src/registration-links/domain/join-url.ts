import { Injectable } from '@nestjs/common';
import { InviteEnv } from '../../invite.config';

/**
 * The public pages' URLs: the join page of a link (`${PUBLIC_BASE_URL}/join/${token}`) and the confirm
 * page of a pending sign-up (`${PUBLIC_BASE_URL}/join/confirm/${token}`).
 */
@Injectable()
export class JoinUrls {
  private readonly base: string;

  constructor(env: InviteEnv) {
    this.base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  forToken(token: string): string {
    return `${this.base}/join/${token}`;
  }

  forSignupConfirmation(token: string): string {
    return `${this.base}/join/confirm/${token}`;
  }
}
