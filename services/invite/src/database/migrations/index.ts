import { Accounts1764150100000 } from './1764150100000-accounts';
import { Invites1764150200000 } from './1764150200000-invites';

/** In order. A new migration is appended here and never edited after it has shipped. */
export const INVITE_MIGRATIONS = [Accounts1764150100000, Invites1764150200000];
