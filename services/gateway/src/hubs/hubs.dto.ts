import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_MEMBER_SEARCH_LENGTH, USER_TYPES, UserType } from '@gatehouse/contracts';
import { PageQuery } from '../http/page-query.dto';

export class CreateHubBody {
  @ApiProperty()
  @IsUUID()
  tenancyId!: string;

  @ApiProperty({ example: 'Project Falcon' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class ListHubsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  tenancyId?: string;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: USER_TYPES })
  @IsOptional()
  @IsIn(USER_TYPES)
  userType?: UserType;

  @ApiPropertyOptional({
    maxLength: MAX_MEMBER_SEARCH_LENGTH,
    example: 'ada',
    description: 'Only members whose name or email contains this, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEMBER_SEARCH_LENGTH)
  search?: string;
}

export class UpdateMemberBody {
  @ApiPropertyOptional({ enum: USER_TYPES })
  @IsOptional()
  @IsIn(USER_TYPES, { message: `userType must be one of ${USER_TYPES.join(', ')}` })
  userType?: UserType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isHubAdmin?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  canInvite?: boolean;
}
