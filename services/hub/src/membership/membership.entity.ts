import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserType } from '@gatehouse/contracts';
import { AccountCopyColumns } from './account-copy';

@Entity({ name: 'memberships' })
export class MembershipEntity extends AccountCopyColumns {
  @PrimaryColumn('uuid')
  hubId!: string;

  @Column('text')
  userType!: UserType;

  @Column('boolean')
  isHubAdmin!: boolean;

  @Column('boolean')
  canInvite!: boolean;

  @Column('timestamptz')
  joinedAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
