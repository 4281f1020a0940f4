import { DynamicModule, Module } from '@nestjs/common';
import { backendInfrastructure } from '@gatehouse/service-runtime';
import { AccountEntity } from './accounts/account.entity';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { CreateAccount } from './accounts/create-account.usecase';
import { PasswordHasher } from './accounts/password-hasher';
import { SessionsController } from './accounts/sessions/sessions.controller';
import { SessionsService } from './accounts/sessions/sessions.service';
import { INVITE_MIGRATIONS } from './database/migrations';
import { HOUSEKEEPING_PROVIDERS } from './housekeeping/housekeeping.feature';
import { HubInviteStats, HubInviteStatsController } from './hub-stats/hub-invite-stats';
import { InviteEnv, INVITE_SCHEMA } from './invite.config';
import { PublicLinks } from './public-links/public-links';
import { InviteStatsController, InviteStatsQuery } from './stats/invite-stats.controller';
import { MASS_INVITE_CONTROLLERS, MASS_INVITE_PROVIDERS } from './mass-invites/mass-invites.feature';
import { INVITES_CONTROLLERS, INVITES_PROVIDERS } from './invites/invites.feature';
import { MEMBERSHIP_GRANT_PROVIDERS } from './membership-grants/membership-grants.feature';
import {
  REGISTRATION_LINK_CONTROLLERS,
  REGISTRATION_LINK_PROVIDERS,
} from './registration-links/registration-links.feature';

const ENTITIES = [AccountEntity];

/** The invite service's root module: the only place its infrastructure modules are configured. */
@Module({})
export class InviteModule {
  static forRoot(env: InviteEnv): DynamicModule {
    return {
      module: InviteModule,
      imports: backendInfrastructure(env, {
        service: 'invite',
        schema: INVITE_SCHEMA,
        entities: ENTITIES,
        migrations: INVITE_MIGRATIONS,
      }),
      controllers: [
        AccountsController,
        SessionsController,
        ...INVITES_CONTROLLERS,
        ...MASS_INVITE_CONTROLLERS,
        ...REGISTRATION_LINK_CONTROLLERS,
        InviteStatsController,
        HubInviteStatsController,
      ],
      providers: [
        { provide: InviteEnv, useValue: env },
        PasswordHasher,
        PublicLinks,
        AccountsService,
        CreateAccount,
        SessionsService,
        ...INVITES_PROVIDERS,
        ...MEMBERSHIP_GRANT_PROVIDERS,
        ...HOUSEKEEPING_PROVIDERS,
        ...MASS_INVITE_PROVIDERS,
        ...REGISTRATION_LINK_PROVIDERS,
        InviteStatsQuery,
        HubInviteStats,
      ],
    };
  }
}
