import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvitePreview, PreviewInviteRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { InviteErrors } from '../domain/invite-errors';
import { toInvitePreview } from '../domain/invite-row';
import { hashInviteToken, isWellFormedInviteToken } from '../domain/invite-token';

/**
 * What the accept page shows for a token. Read-only (mail scanners open links): a lapsed invite reads
 * as expired without being marked so.
 */
@Injectable()
export class PreviewInvite {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InvitesRepository,
  ) {}

  async execute({ token }: PreviewInviteRequest): Promise<InvitePreview> {
    if (!isWellFormedInviteToken(token)) throw InviteErrors.notFound();
    const row = await this.invites.findByTokenHash(this.dataSource.manager, hashInviteToken(token));
    if (!row) throw InviteErrors.notFound();
    return toInvitePreview(row);
  }
}
