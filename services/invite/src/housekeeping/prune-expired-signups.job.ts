import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PendingSignupsRepository } from '../registration-links/data/pending-signups.repository';
import { PENDING_SIGNUP_KEEP_EXPIRED_HOURS } from '../registration-links/registration-links.constants';

/**
 * Deletes registration-link sign-ups that were never confirmed (with their password hashes) a while
 * after they expired (PENDING_SIGNUP_KEEP_EXPIRED_HOURS; until then the confirm page says "expired").
 */
@Injectable()
export class PruneExpiredSignupsJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signups: PendingSignupsRepository,
  ) {}

  run(): Promise<number> {
    return this.signups.pruneExpired(this.dataSource.manager, PENDING_SIGNUP_KEEP_EXPIRED_HOURS);
  }
}
