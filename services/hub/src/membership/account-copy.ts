import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns of a row that names an account by a copy of what the invite service knows of it (a
 * MemberProfile): member and tenant-admin lists need no call to the invite service. Part of the row's key.
 */
export abstract class AccountCopyColumns {
  @PrimaryColumn('uuid')
  accountId!: string;

  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;
}
