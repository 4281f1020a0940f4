import { Injectable } from '@nestjs/common';
import { InviteEnv } from '../invite.config';

/**
 * Every URL of the gateway's public pages that the invite service hands out (in emails and views), all
 * under PUBLIC_BASE_URL: the accept page of an invite, the join page of a registration link, the
 * confirm page of a pending sign-up, and the web app's front door.
 */
@Injectable()
export class PublicLinks {
  private readonly base: string;

  constructor(env: InviteEnv) {
    this.base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  acceptUrl(inviteToken: string): string {
    return `${this.base}/invite/${inviteToken}`;
  }

  joinUrl(linkToken: string): string {
    return `${this.base}/join/${linkToken}`;
  }

  signupConfirmationUrl(signupToken: string): string {
    return `${this.base}/join/confirm/${signupToken}`;
  }

  /** The web app's front door (where a person signs in); the gateway serves no sign-in page of its own. */
  signInUrl(): string {
    return `${this.base}/`;
  }
}
