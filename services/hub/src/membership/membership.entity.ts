import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserType } from '@gatehouse/contracts';

@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn('uuid')
  hubId!: string;

  @PrimaryColumn('uuid')
  accountId!: string;

  /** A copy of the account's address and name, so member lists need no call to the invite service. */
  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

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
