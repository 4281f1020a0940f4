import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tenancy_policies' })
export class TenancyPolicyEntity {
  @PrimaryColumn('uuid')
  tenancyId!: string;

  /** The text the tenant admin wrote, kept while the appendix is off. */
  @Column('text', { nullable: true })
  inviteMessageAppendix!: string | null;

  @Column('boolean')
  inviteMessageAppendixEnabled!: boolean;

  @Column('int')
  inviteExpiryDays!: number;

  @Column('int')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
