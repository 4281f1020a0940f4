import { NotificationSchema1764150200000 } from './1764150200000-notification-schema';

/** In order. A new migration is appended here and never edited after it has shipped. */
export const NOTIFICATION_MIGRATIONS = [NotificationSchema1764150200000];
