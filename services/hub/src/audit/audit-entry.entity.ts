import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  tenancyId!: string;

  @Column('uuid', { nullable: true })
  hubId!: string | null;

  @Column('uuid', { nullable: true })
  actorAccountId!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('jsonb')
  details!: Record<string, unknown>;

  @Column('text', { nullable: true })
  correlationId!: string | null;

  @Column('uuid', { nullable: true })
  sourceEventId!: string | null;

  @Column('timestamptz')
  createdAt!: Date;
}
