import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tenancy_policies' })
export class TenancyPolicyEntity {
  @PrimaryColumn('uuid')
  tenancyId!: string;

  @Column('text', { nullable: true })
  inviteMessageAppendix!: string | null;

  @Column('int')
  inviteExpiryDays!: number;

  @Column('int')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
