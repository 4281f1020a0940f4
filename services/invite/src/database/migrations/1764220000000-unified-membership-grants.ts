import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One record of pending memberships (issue 13): invite.membership_grants now holds "this account should
 * become a member of this Hub" from any source — an accepted invite (`source = 'invite'`, `source_id` the
 * invite) or a join through a registration link (`'registration_link'`, the link) — worked off by one
 * worker with one retry policy. Before, accepted invites had invite.membership_grants (keyed by invite)
 * and link joins kept their grant state in invite.registration_link_uses.
 *
 * Every grant row of both is carried over (pending ones keep their attempts and next try; settled ones
 * their outcome, `granted` becoming `done`). invite.registration_link_uses stays as the record of a use
 * (which account joined through which link, when) without the grant columns.
 */
export class UnifiedMembershipGrants1764220000000 implements MigrationInterface {
  name = 'UnifiedMembershipGrants1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE invite.membership_grants RENAME TO invite_grants_before_13`,
      `ALTER INDEX invite.membership_grants_pkey RENAME TO invite_grants_before_13_pkey`,
      `DROP INDEX invite.membership_grants_due_idx`,
      `CREATE TABLE invite.membership_grants (
         id uuid PRIMARY KEY,
         source text NOT NULL CHECK (source IN ('invite', 'registration_link')),
         source_id uuid NOT NULL,
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
         done_at timestamptz,
         -- An invite is accepted once; an account joins through a link once: one grant each.
         CONSTRAINT membership_grants_source_key UNIQUE (source, source_id, account_id)
       )`,
      `INSERT INTO invite.membership_grants
         (id, source, source_id, hub_id, account_id, email, display_name, user_type, added_by,
          status, attempts, next_attempt_at, last_error, created_at, done_at)
       SELECT invite_id, 'invite', invite_id, hub_id, account_id, email, display_name, user_type, added_by,
              status, attempts, next_attempt_at, last_error, created_at, done_at
       FROM invite.invite_grants_before_13`,
      `INSERT INTO invite.membership_grants
         (id, source, source_id, hub_id, account_id, email, display_name, user_type, added_by,
          status, attempts, next_attempt_at, last_error, created_at, done_at)
       SELECT gen_random_uuid(), 'registration_link', link_id, hub_id, account_id, email, display_name, user_type,
              NULL, CASE grant_status WHEN 'granted' THEN 'done' ELSE grant_status END,
              attempts, next_attempt_at, last_error, created_at, granted_at
       FROM invite.registration_link_uses`,
      `DROP TABLE invite.invite_grants_before_13`,
      // Also drops registration_link_uses_due_idx (it is on grant_status).
      `ALTER TABLE invite.registration_link_uses
         DROP COLUMN grant_status, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
         DROP COLUMN last_error, DROP COLUMN granted_at`,
      `CREATE INDEX membership_grants_due_idx ON invite.membership_grants (next_attempt_at) WHERE status = 'pending'`,
      // "Is a membership on its way to this account?" (discarding an unused account).
      `CREATE INDEX membership_grants_account_idx ON invite.membership_grants (account_id)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE invite.registration_link_uses
         ADD COLUMN grant_status text NOT NULL DEFAULT 'pending' CHECK (grant_status IN ('pending', 'granted', 'failed')),
         ADD COLUMN attempts integer NOT NULL DEFAULT 0,
         ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
         ADD COLUMN last_error text,
         ADD COLUMN granted_at timestamptz`,
      `UPDATE invite.registration_link_uses u
       SET grant_status = CASE g.status WHEN 'done' THEN 'granted' ELSE g.status END, attempts = g.attempts,
           next_attempt_at = g.next_attempt_at, last_error = g.last_error, granted_at = g.done_at
       FROM invite.membership_grants g
       WHERE g.source = 'registration_link' AND g.source_id = u.link_id AND g.account_id = u.account_id`,
      `CREATE INDEX registration_link_uses_due_idx ON invite.registration_link_uses (next_attempt_at) WHERE grant_status = 'pending'`,
      `DELETE FROM invite.membership_grants WHERE source <> 'invite'`,
      `DROP INDEX invite.membership_grants_due_idx`,
      `DROP INDEX invite.membership_grants_account_idx`,
      `ALTER TABLE invite.membership_grants DROP CONSTRAINT membership_grants_source_key`,
      `UPDATE invite.membership_grants SET id = source_id`,
      `ALTER TABLE invite.membership_grants DROP COLUMN source`,
      `ALTER TABLE invite.membership_grants RENAME COLUMN id TO invite_id`,
      `ALTER TABLE invite.membership_grants DROP COLUMN source_id`,
      `ALTER TABLE invite.membership_grants ADD FOREIGN KEY (invite_id) REFERENCES invite.invites(id)`,
      `CREATE INDEX membership_grants_due_idx ON invite.membership_grants (next_attempt_at) WHERE status = 'pending'`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}
