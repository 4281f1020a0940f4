import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AccountCopyColumns } from '../membership/account-copy';

@Entity({ name: 'tenant_admins' })
export class TenantAdminEntity extends AccountCopyColumns {
  @PrimaryColumn('uuid')
  tenancyId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
