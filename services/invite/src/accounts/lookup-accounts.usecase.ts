import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LookupAccountsResult } from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { DataSource, EntityManager } from 'typeorm';
import { INVITE_SCHEMA } from '../invite.config';

/** Chunks of 1,000: larger ANY() arrays made PostgreSQL pick a sequential scan over 1M accounts. */
const LOOKUP_CHUNK = 1000;

@Injectable()
export class LookupAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Which of these addresses have an account whose address is verified? (An unverified account is not
   * "registered" for invites: it must not pick up what was sent to an address it has not proven.)
   * One query per 1,000 normalised addresses.
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
    const registered: LookupAccountsResult['registered'] = [];
    for (let start = 0; start < all.length; start += LOOKUP_CHUNK) {
      const rows: { id: string; email: string; display_name: string }[] = await manager.query(
        `SELECT id, email, display_name FROM ${INVITE_SCHEMA}.accounts WHERE email = ANY($1::text[]) AND email_verified_at IS NOT NULL`,
        [all.slice(start, start + LOOKUP_CHUNK)],
      );
      for (const row of rows) registered.push({ email: row.email, accountId: row.id, displayName: row.display_name });
    }
    return { registered, invalid };
  }
}
