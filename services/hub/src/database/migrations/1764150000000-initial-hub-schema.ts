import { outboxTablesSql } from '@gatehouse/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialHubSchema1764150000000 implements MigrationInterface {
  name = 'InitialHubSchema1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE hub.tenancies (
         id uuid PRIMARY KEY,
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
         slug text NOT NULL UNIQUE,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE hub.tenancy_policies (
         tenancy_id uuid PRIMARY KEY REFERENCES hub.tenancies(id) ON DELETE CASCADE,
         invite_message_appendix text,
         invite_expiry_days int NOT NULL DEFAULT 14 CHECK (invite_expiry_days BETWEEN 1 AND 90),
         version int NOT NULL DEFAULT 1,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE hub.tenant_admins (
         tenancy_id uuid NOT NULL REFERENCES hub.tenancies(id) ON DELETE CASCADE,
         account_id uuid NOT NULL,
         email text NOT NULL,
         display_name text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenancy_id, account_id)
       )`,
      `CREATE INDEX tenant_admins_account_idx ON hub.tenant_admins (account_id)`,
      `CREATE TABLE hub.hubs (
         id uuid PRIMARY KEY,
         tenancy_id uuid NOT NULL REFERENCES hub.tenancies(id) ON DELETE CASCADE,
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
         created_by uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX hubs_tenancy_name_idx ON hub.hubs (tenancy_id, lower(name))`,
      `CREATE TABLE hub.memberships (
         hub_id uuid NOT NULL REFERENCES hub.hubs(id) ON DELETE CASCADE,
         account_id uuid NOT NULL,
         email text NOT NULL,
         display_name text NOT NULL,
         user_type text NOT NULL CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         is_hub_admin boolean NOT NULL DEFAULT false,
         can_invite boolean NOT NULL DEFAULT true,
         joined_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (hub_id, account_id),
         CONSTRAINT hub_admin_is_team_member CHECK (NOT is_hub_admin OR user_type = 'TEAM_MEMBER')
       )`,
      `CREATE INDEX memberships_account_idx ON hub.memberships (account_id)`,
      `CREATE INDEX memberships_listing_idx ON hub.memberships (hub_id, user_type, lower(display_name), account_id)`,
      `CREATE TABLE hub.audit_log (
         id bigserial PRIMARY KEY,
         tenancy_id uuid NOT NULL,
         hub_id uuid,
         actor_account_id uuid,
         action text NOT NULL,
         subject text,
         details jsonb NOT NULL DEFAULT '{}',
         correlation_id text,
         source_event_id uuid,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX audit_log_tenancy_idx ON hub.audit_log (tenancy_id, created_at DESC, id DESC)`,
      `CREATE INDEX audit_log_hub_idx ON hub.audit_log (hub_id, created_at DESC, id DESC)`,
      // Append-only by construction: no code path and no direct UPDATE/DELETE can rewrite history.
      `CREATE FUNCTION hub.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only';
       END $$`,
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON hub.audit_log
         FOR EACH ROW EXECUTE FUNCTION hub.audit_log_is_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON hub.audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION hub.audit_log_is_append_only()`,
      ...outboxTablesSql('hub'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'inbox',
      'outbox',
      'audit_log',
      'memberships',
      'hubs',
      'tenant_admins',
      'tenancy_policies',
      'tenancies',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS hub.${table} CASCADE`);
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS hub.audit_log_is_append_only()');
  }
}
