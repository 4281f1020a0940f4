import { Injectable } from '@nestjs/common';
import { Actor, ERROR_CODES, INVITE_PATTERNS, UserType, WireError, isDomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { CreateInvitesResult } from './invites.responses';

/** Refusals that concern the caller or the Hub, not one address: the same for every address of the request. */
const REQUEST_REFUSALS: string[] = [ERROR_CODES.HUB_NOT_FOUND, ERROR_CODES.PERMISSION_DENIED];

/**
 * Several addresses at once (the invite panel's chips), each invited exactly as POST …/invites would,
 * one after another, with its own outcome or refusal. A refusal of the request itself (not the caller's
 * Hub, no right to invite) while nothing has been done yet is the whole response's error; any other
 * refusal belongs to its address and the rest go on.
 */
@Injectable()
export class InviteBatch {
  constructor(private readonly rpc: RpcClient) {}

  async invite(actor: Actor, hubId: string, emails: string[], userType: UserType): Promise<CreateInvitesResult> {
    const results: CreateInvitesResult['results'] = [];
    for (const input of emails) {
      try {
        const result = await this.rpc.call(INVITE_PATTERNS.CREATE, { actor, hubId, email: input, userType });
        results.push({ input, result, error: null });
      } catch (error) {
        const nothingDoneYet = results.every((entry) => entry.result === null);
        if (!isDomainError(error) || (nothingDoneYet && REQUEST_REFUSALS.includes(error.code))) throw error;
        const wire: WireError = error.toWire();
        results.push({ input, result: null, error: wire });
      }
    }
    return { results };
  }
}
