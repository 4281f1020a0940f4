import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';

/** One account that joined through a link. */
export interface RegistrationLinkUse {
  accountId: string;
  linkId: string;
  hubId: string;
  email: string;
  displayName: string;
  userType: UserType;
}

/**
 * invite.registration_link_uses: the record of each use of a link (which account joined through which
 * link, as what, when), written in the sign-up's transaction. The membership it is owed is a
 * membership grant (membership-grants/), not part of this record.
 */
@Injectable()
export class RegistrationLinkUsesRepository {
  async add(manager: EntityManager, use: RegistrationLinkUse): Promise<void> {
    await manager.query(
      `INSERT INTO invite.registration_link_uses (account_id, link_id, hub_id, email, display_name, user_type)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [use.accountId, use.linkId, use.hubId, use.email, use.displayName, use.userType],
    );
  }
}
