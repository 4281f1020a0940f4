import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LookupAccountsResult } from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { DataSource, EntityManager } from 'typeorm';
import { INVITE_SCHEMA } from '../invite.config';
import { inParallel } from '../concurrency/steps-in-flight';

/** Chunks of 1,000: larger ANY() arrays made PostgreSQL pick a sequential scan over 1M accounts. */
const LOOKUP_CHUNK = 1000;
/**
 * Chunks queried at once, each on its own pooled connection: PostgreSQL works on them in parallel. Well
 * under the pool's 10 connections, so that a long lookup leaves the service's other requests some.
 */
const LOOKUP_CONCURRENCY = 4;

type AccountRow = { id: string; email: string; display_name: string };

@Injectable()
export class LookupAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Which of these addresses have an account whose address is verified? (An unverified account is not
   * "registered" for invites: it must not pick up what was sent to an address it has not proven.)
   * One query per 1,000 normalised addresses, up to LOOKUP_CONCURRENCY of them at a time; the answer keeps
   * the chunks' order.
   */
  async execute(emails: string[], manager: EntityManager = this.dataSource.manager): Promise<LookupAccountsResult> {
    const invalid: LookupAccountsResult['invalid'] = [];
    const normalised = new Set<string>();
    for (const input of emails) {
      const result = normalizeEmail(input);
      if (result.ok) normalised.add(result.email);
      else invalid.push({ input, reason: result.reason });
    }
    const all = [...normalised];
    const chunks: string[][] = [];
    for (let start = 0; start < all.length; start += LOOKUP_CHUNK) chunks.push(all.slice(start, start + LOOKUP_CHUNK));
    const found = await inParallel(chunks, LOOKUP_CONCURRENCY, (chunk) =>
      manager.query<AccountRow[]>(
        `SELECT id, email, display_name FROM ${INVITE_SCHEMA}.accounts WHERE email = ANY($1::text[]) AND email_verified_at IS NOT NULL`,
        [chunk],
      ),
    );
    const registered = found
      .flat()
      .map((row) => ({ email: row.email, accountId: row.id, displayName: row.display_name }));
    return { registered, invalid };
  }
}
