import { Injectable } from '@nestjs/common';
import { InviteEnv } from '../../invite.config';

/** The links that go into emails: the gateway's public accept page, and where members sign in. */
@Injectable()
export class InviteLinks {
  private readonly base: string;

  constructor(env: InviteEnv) {
    this.base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  acceptUrl(token: string): string {
    return `${this.base}/invite/${token}`;
  }

  /** The web app's front door (where a person signs in); the gateway serves no sign-in page of its own. */
  signInUrl(): string {
    return `${this.base}/`;
  }
}
