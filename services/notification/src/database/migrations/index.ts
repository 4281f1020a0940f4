import { NotificationSchema1764150200000 } from './1764150200000-notification-schema';
import { SignupConfirmTemplate1764180000000 } from './1764180000000-signup-confirm-template';
import { DeliveryClaimLease1764190000000 } from './1764190000000-delivery-claim-lease';

import { DeliveryLogIndexes1764210500000 } from './1764210500000-delivery-log-indexes';
/** In order. A new migration is appended here and never edited after it has shipped. */
export const NOTIFICATION_MIGRATIONS = [
  NotificationSchema1764150200000,
  SignupConfirmTemplate1764180000000,
  DeliveryClaimLease1764190000000,
  DeliveryLogIndexes1764210500000,
];
