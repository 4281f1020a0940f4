import { IsBoolean, IsEmail, IsString, IsUUID, MaxLength } from 'class-validator';

/** An account as another service refers to it: its id and its (normalised) address. */
export class AccountIdentity {
  @IsUUID()
  accountId!: string;

  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/**
 * Who is asking. The gateway fills it from the verified bearer token; the service that owns the data
 * decides what this actor may do with it.
 */
export class Actor extends AccountIdentity {
  @IsString()
  @MaxLength(200)
  displayName!: string;

  @IsBoolean()
  isOperator!: boolean;
}
