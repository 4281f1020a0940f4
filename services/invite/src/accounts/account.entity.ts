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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
