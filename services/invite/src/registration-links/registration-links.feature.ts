import type { Provider, Type } from '@nestjs/common';
import { JoinAttemptsRepository } from './data/join-attempts.repository';
import { PendingSignupsRepository } from './data/pending-signups.repository';
import { RegistrationLinkUsesRepository } from './data/registration-link-uses.repository';
import { RegistrationLinksRepository } from './data/registration-links.repository';
import { RegistrationLinkTokens } from './domain/registration-link-token';
import { RegistrationLinksController } from './registration-links.controller';
import { ConfirmSignup } from './usecases/confirm-signup.usecase';
import { FindLinkByToken } from './usecases/find-link-by-token';
import { GetRegistrationLink } from './usecases/get-registration-link.usecase';
import { JoinByLink } from './usecases/join-by-link.usecase';
import { RegistrationLinkViews } from './usecases/link-views';
import { PreviewJoin } from './usecases/preview-join.usecase';
import { RotateRegistrationLink } from './usecases/rotate-registration-link.usecase';
import { UpdateRegistrationLink } from './usecases/update-registration-link.usecase';

/**
 * The registration links feature (issue 6), registered in the invite service's root module next to the
 * accounts it uses (AccountsService). See docs/registration-links.md.
 */
export const REGISTRATION_LINK_CONTROLLERS: Type[] = [RegistrationLinksController];

export const REGISTRATION_LINK_PROVIDERS: Provider[] = [
  RegistrationLinksRepository,
  RegistrationLinkUsesRepository,
  JoinAttemptsRepository,
  PendingSignupsRepository,
  RegistrationLinkTokens,
  RegistrationLinkViews,
  FindLinkByToken,
  GetRegistrationLink,
  UpdateRegistrationLink,
  RotateRegistrationLink,
  PreviewJoin,
  JoinByLink,
  ConfirmSignup,
];
