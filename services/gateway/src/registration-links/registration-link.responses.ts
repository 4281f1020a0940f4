import { ApiProperty } from '@nestjs/swagger';
import {
  REGISTRATION_LINK_STATUSES,
  RegistrationLinkStatus,
  RegistrationLinkView,
  USER_TYPES,
  UserType,
} from '@gatehouse/contracts';

/** RegistrationLinkView: a Hub's registration link as the caller may see it. */
export class RegistrationLink implements RegistrationLinkView {
  @ApiProperty({ format: 'uuid' })
  hubId!: string;

  @ApiProperty({ description: 'Off by default.' })
  enabled!: boolean;

  @ApiProperty({ enum: REGISTRATION_LINK_STATUSES, enumName: 'RegistrationLinkStatus' })
  status!: RegistrationLinkStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://gatehouse.example.com/join/3q2…',
    description: 'Team Members get it while the link is enabled, Hub admins whenever one was issued; null otherwise.',
  })
  url!: string | null;

  @ApiProperty({ enum: USER_TYPES, enumName: 'UserType', description: 'What people who join become.' })
  userType!: UserType;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never expires.' })
  expiresAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null: no limit.' })
  maxUses!: number | null;

  @ApiProperty({
    type: 'integer',
    description: 'Accounts that joined through the link so far (rotation does not reset it).',
  })
  useCount!: number;

  @ApiProperty({ type: [String], description: 'Normalised; empty = any domain.' })
  allowedDomains!: string[];

  @ApiProperty({ description: 'Whether the caller may enable, disable, rotate and change it (Hub admins).' })
  canManage!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}
