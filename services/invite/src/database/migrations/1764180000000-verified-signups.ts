import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified addresses (issue 11): accounts get `email_verified_at`, and sign-ups through a registration
 * link wait in `pending_signups` until the address's owner confirms them from the verification email.
 * Only an account with a verified address picks up pending invites or is added at once by an invite.
 *
 * Existing accounts are marked verified (as of their creation). Trade-off: they were made by an accepted
 * invite (the token went to the mailbox: proven), by bootstrap/operator tooling (an operator vouched),
 * or by the old registration-link join, which did NOT prove the mailbox — an account made that way with
 * someone else's address cannot be told apart here. Marking them unverified instead would silently stop
 * every legitimate older account from receiving invites, so we keep them working. Operators may want to
 * review accounts that joined through a link before this change:
 *   SELECT a.email, a.created_at, u.hub_id FROM invite.accounts a
 *   JOIN invite.registration_link_uses u ON u.account_id = a.id;
 * and in particular such accounts that then picked up invites (invite.invites.accepted_account_id).
 */
export class VerifiedSignups1764180000000 implements MigrationInterface {
  name = 'VerifiedSignups1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE invite.accounts ADD COLUMN email_verified_at timestamptz`,
      `UPDATE invite.accounts SET email_verified_at = created_at`,
      `CREATE TABLE invite.pending_signups (
         id uuid PRIMARY KEY,
         link_id uuid NOT NULL REFERENCES invite.registration_links(id),
         -- The link's token when the sign-up was made: a rotation since then makes it unconfirmable.
         link_token_hash text NOT NULL,
         hub_id uuid NOT NULL,
         email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
         display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
         -- argon2id, as invite.accounts; cleared once the sign-up is confirmed or pruned.
         password_hash text,
         -- SHA-256 of the confirm token (the token itself only travels in the email).
         token_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         confirmed_at timestamptz,
         account_id uuid,
         CONSTRAINT pending_signups_confirmed_has_account CHECK ((confirmed_at IS NULL) = (account_id IS NULL)),
         CONSTRAINT pending_signups_open_has_password CHECK (confirmed_at IS NOT NULL OR password_hash IS NOT NULL)
       )`,
      `CREATE UNIQUE INDEX pending_signups_token_hash_key ON invite.pending_signups (token_hash)`,
      // One open sign-up per link and address: a second one refreshes it (new token, new email).
      `CREATE UNIQUE INDEX pending_signups_open_key ON invite.pending_signups (link_id, email) WHERE confirmed_at IS NULL`,
      `CREATE INDEX pending_signups_expiry_idx ON invite.pending_signups (expires_at) WHERE confirmed_at IS NULL`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS invite.pending_signups`);
    await queryRunner.query(`ALTER TABLE invite.accounts DROP COLUMN IF EXISTS email_verified_at`);
  }
}
