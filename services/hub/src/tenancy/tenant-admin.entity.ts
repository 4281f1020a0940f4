import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tenant_admins' })
export class TenantAdminEntity {
  @PrimaryColumn('uuid')
  tenancyId!: string;

  @PrimaryColumn('uuid')
  accountId!: string;

  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
