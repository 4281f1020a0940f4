import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { RegistrationLinkErrors } from '../domain/registration-link-errors';
import { RegistrationLinkRow } from '../domain/registration-link-row';
import { hashLinkToken, isWellFormedLinkToken } from '../domain/registration-link-token';

/**
 * The link a raw token belongs to now. Malformed, tampered and unknown tokens are REGISTRATION_LINK.NOT_FOUND;
 * a token that was the link's before a rotation is REGISTRATION_LINK.ROTATED.
 */
@Injectable()
export class FindLinkByToken {
  constructor(private readonly links: RegistrationLinksRepository) {}

  async find(manager: EntityManager, token: string): Promise<RegistrationLinkRow> {
    if (!isWellFormedLinkToken(token)) throw RegistrationLinkErrors.notFound();
    const hash = hashLinkToken(token);
    const link = await this.links.findByTokenHash(manager, hash);
    if (link) return link;
    if (await this.links.isRetiredToken(manager, hash)) throw RegistrationLinkErrors.rotated();
    throw RegistrationLinkErrors.notFound();
  }
}
