import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AccountView, Actor } from '@gatehouse/contracts';

/** AccountView: a person's account (never the password). */
@ApiSchema({ name: 'AccountView' })
export class AccountViewResponse implements AccountView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  displayName!: string;

  @ApiProperty({ description: 'Operators run the installation (tenancies, health).' })
  isOperator!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SignInResult {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires.', example: 900 })
  expiresIn!: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ type: AccountViewResponse })
  account!: AccountViewResponse;
}

/** Who the caller is, as the token or session says. */
@ApiSchema({ name: 'Actor' })
export class ActorResponse implements Actor {
  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  isOperator!: boolean;
}

/** The web app's session: who is signed in, and the token its unsafe requests carry as X-CSRF-Token. */
@ApiSchema({ name: 'BrowserSession' })
export class BrowserSessionResponse {
  @ApiProperty({ type: AccountViewResponse })
  account!: AccountViewResponse;

  @ApiProperty({ description: 'Send as the X-CSRF-Token header on POST, PUT, PATCH and DELETE.' })
  csrfToken!: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest (it also ends when idle).' })
  expiresAt!: string;
}
