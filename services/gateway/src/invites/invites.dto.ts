import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
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
