import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration links (issue 6): one link per Hub, its retired tokens (so an old URL says "replaced"),
 * the sign-up attempts behind the per-link rate limit, and the uses — each one an account that joined,
 * with the membership still to be confirmed by the hub service (a retry queue).
 */
export class RegistrationLinks1764160000000 implements MigrationInterface {
  name = 'RegistrationLinks1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.registration_links (
         id uuid PRIMARY KEY,
         hub_id uuid NOT NULL,
         tenancy_id uuid NOT NULL,
         hub_name text NOT NULL CHECK (length(hub_name) BETWEEN 1 AND 200),
         enabled boolean NOT NULL DEFAULT false,
         user_type text NOT NULL DEFAULT 'EXTERNAL_MEMBER' CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         expires_at timestamptz,
         max_uses integer CHECK (max_uses IS NULL OR max_uses >= 1),
         use_count integer NOT NULL DEFAULT 0 CHECK (use_count >= 0),
         allowed_domains text[] NOT NULL DEFAULT '{}',
         token_hash text,
         token_sealed text,
         token_issued_at timestamptz,
         created_by uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_by uuid NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT registration_links_token_pair CHECK ((token_hash IS NULL) = (token_sealed IS NULL)),
         CONSTRAINT registration_links_enabled_has_token CHECK (NOT enabled OR token_hash IS NOT NULL)
       )`,
      // One link per Hub: two admins enabling at once make one row.
      `CREATE UNIQUE INDEX registration_links_hub_key ON invite.registration_links (hub_id)`,
      // SHA-256 of the raw token (the token itself is only stored sealed): the join page looks links up by it.
      `CREATE UNIQUE INDEX registration_links_token_hash_key ON invite.registration_links (token_hash)`,
      `CREATE TABLE invite.registration_link_retired_tokens (
         token_hash text PRIMARY KEY,
         link_id uuid NOT NULL REFERENCES invite.registration_links(id),
         retired_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE invite.registration_link_attempts (
         id bigserial PRIMARY KEY,
         link_id uuid NOT NULL REFERENCES invite.registration_links(id),
         client_address text,
         attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
       )`,
      `CREATE INDEX registration_link_attempts_window_idx ON invite.registration_link_attempts (link_id, attempted_at)`,
      `CREATE INDEX registration_link_attempts_age_idx ON invite.registration_link_attempts (attempted_at)`,
      // An account is created once, so it joins through at most one link: the account is the key.
      `CREATE TABLE invite.registration_link_uses (
         account_id uuid PRIMARY KEY,
         link_id uuid NOT NULL REFERENCES invite.registration_links(id),
         hub_id uuid NOT NULL,
         email text NOT NULL,
         display_name text NOT NULL,
         user_type text NOT NULL CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         grant_status text NOT NULL DEFAULT 'pending' CHECK (grant_status IN ('pending', 'granted', 'failed')),
         attempts integer NOT NULL DEFAULT 0,
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         last_error text,
         created_at timestamptz NOT NULL DEFAULT now(),
         granted_at timestamptz
       )`,
      `CREATE INDEX registration_link_uses_link_idx ON invite.registration_link_uses (link_id, created_at)`,
      `CREATE INDEX registration_link_uses_due_idx ON invite.registration_link_uses (next_attempt_at) WHERE grant_status = 'pending'`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'registration_link_uses',
      'registration_link_attempts',
      'registration_link_retired_tokens',
      'registration_links',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS invite.${table}`);
  }
}
