import { IsBoolean, IsEmail, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * Who is asking. The gateway fills it from the verified bearer token; the service that owns the data
 * decides what this actor may do with it.
 */
export class Actor {
  @IsUUID()
  accountId!: string;

  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(200)
  displayName!: string;

  @IsBoolean()
  isOperator!: boolean;
}
