import type { PolicyChangedPayload } from '@gatehouse/contracts';
import { IsDateString, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** hub.policy.changed: the whole policy after the change, with its version. */
export class PolicyChangedPayloadDto implements PolicyChangedPayload {
  @IsUUID()
  tenancyId!: string;

  /** null: the appendix is off. The hub has checked length and blankness. */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(20000)
  inviteMessageAppendix!: string | null;

  @IsInt()
  @Min(1)
  @Max(365)
  inviteExpiryDays!: number;

  @IsInt()
  @Min(1)
  version!: number;

  /** Not used here; an account id, or a system actor's. */
  @IsString()
  @MaxLength(200)
  changedBy!: string;

  @IsDateString()
  updatedAt!: string;
}
