import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Normalised (see @gatehouse/email-address). */
  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  @Column('text', { select: false })
  passwordHash!: string;

  @Column('boolean')
  isOperator!: boolean;

  /**
   * When the address was proven to be this person's (accepted invite, confirmed sign-up, or an operator
   * vouched); null = unverified: such an account picks up no invites and is not added at once by one.
   */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
