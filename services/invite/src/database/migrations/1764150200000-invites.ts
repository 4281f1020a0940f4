import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Individual invites (issue 3): the invites themselves, and the memberships their acceptance still has
 * to get from the hub service (a retry queue, so an accept never loses a membership to a broken RPC).
 */
export class Invites1764150200000 implements MigrationInterface {
  name = 'Invites1764150200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.invites (
         id uuid PRIMARY KEY,
         hub_id uuid NOT NULL,
         tenancy_id uuid NOT NULL,
         hub_name text NOT NULL CHECK (length(hub_name) BETWEEN 1 AND 200),
         inviter_account_id uuid NOT NULL,
         inviter_name text NOT NULL CHECK (length(inviter_name) BETWEEN 1 AND 200),
         email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
         user_type text NOT NULL CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked', 'expired')),
         token_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         last_sent_at timestamptz NOT NULL DEFAULT now(),
         send_count int NOT NULL DEFAULT 1,
         accepted_at timestamptz,
         accepted_account_id uuid,
         revoked_at timestamptz,
         revoked_by uuid,
         revoke_reason text,
         CONSTRAINT invites_accepted_has_account CHECK (status <> 'accepted' OR accepted_account_id IS NOT NULL),
         CONSTRAINT invites_revoked_has_time CHECK (status <> 'revoked' OR revoked_at IS NOT NULL)
       )`,
      // One live invite per address and Hub: two racing invites make one row; the second waits and sees it.
      `CREATE UNIQUE INDEX invites_pending_hub_email_key ON invite.invites (hub_id, email) WHERE status = 'pending'`,
      // SHA-256 of the raw token (which is never stored): the accept page looks invites up by it.
      `CREATE UNIQUE INDEX invites_token_hash_key ON invite.invites (token_hash)`,
      // "Every pending invite for this address, in every Hub" (accepting, an account appearing).
      `CREATE INDEX invites_pending_email_idx ON invite.invites (email) WHERE status = 'pending'`,
      `CREATE INDEX invites_pending_listing_idx ON invite.invites (hub_id, created_at DESC, id) WHERE status = 'pending'`,
      `CREATE INDEX invites_pending_inviter_idx ON invite.invites (hub_id, inviter_account_id) WHERE status = 'pending'`,
      `CREATE INDEX invites_pending_expiry_idx ON invite.invites (expires_at) WHERE status = 'pending'`,
      `CREATE TABLE invite.membership_grants (
         invite_id uuid PRIMARY KEY REFERENCES invite.invites(id),
         hub_id uuid NOT NULL,
         account_id uuid NOT NULL,
         email text NOT NULL,
         display_name text NOT NULL,
         user_type text NOT NULL CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         added_by uuid,
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
         attempts int NOT NULL DEFAULT 0,
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         last_error text,
         created_at timestamptz NOT NULL DEFAULT now(),
         done_at timestamptz
       )`,
      `CREATE INDEX membership_grants_due_idx ON invite.membership_grants (next_attempt_at) WHERE status = 'pending'`,
      `CREATE INDEX outbox_sent_idx ON invite.outbox (sent_at) WHERE sent_at IS NOT NULL`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS invite.outbox_sent_idx');
    await queryRunner.query('DROP TABLE IF EXISTS invite.membership_grants');
    await queryRunner.query('DROP TABLE IF EXISTS invite.invites');
  }
}
