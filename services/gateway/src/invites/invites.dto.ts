import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsRequiredUserType, MAX_RAW_EMAIL_LENGTH, USER_TYPES, UserType } from '@gatehouse/contracts';

export class CreateInviteBody {
  @ApiProperty({ example: 'grace@example.com', description: 'Normalised by the invite service' })
  @IsString()
  @MaxLength(MAX_RAW_EMAIL_LENGTH)
  email!: string;

  @ApiProperty({ enum: USER_TYPES, description: 'Required: the user type the invitee gets' })
  @IsRequiredUserType()
  userType!: UserType;

  @ApiPropertyOptional({
    description: 'When a pending invite exists already: send it again (new link, the old one stops working)',
  })
  @IsOptional()
  @IsBoolean()
  resend?: boolean;
}

/** At most this many addresses per request to POST …/invites/batch (one screen's worth of chips). */
export const MAX_INVITES_PER_REQUEST = 100;

export class CreateInvitesBody {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_INVITES_PER_REQUEST,
    example: ['grace@example.com', 'alan@example.org'],
    description: 'The addresses as typed; each is normalised and checked on its own',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'emails must hold at least one address' })
  @ArrayMaxSize(MAX_INVITES_PER_REQUEST, { message: `emails may hold at most ${MAX_INVITES_PER_REQUEST} addresses` })
  @IsString({ each: true })
  @MaxLength(MAX_RAW_EMAIL_LENGTH, { each: true })
  emails!: string[];

  @ApiProperty({ enum: USER_TYPES, description: 'Required: the user type every invitee gets' })
  @IsRequiredUserType()
  userType!: UserType;
}
