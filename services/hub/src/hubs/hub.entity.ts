import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'hubs' })
export class HubEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  tenancyId!: string;

  @Column('text')
  name!: string;

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
