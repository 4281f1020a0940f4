import type { SenderSettings } from '../mail/compose-mail';

/** How the delivery worker behaves; built from the env once, in the module. */
export interface DeliverySettings {
  maxAttempts: number;
  baseBackoffMs: number;
  pollIntervalMs: number;
  /** After this long in "sending", a delivery counts as interrupted (failed, outcome unknown). */
  sendingTimeoutMs: number;
  /** Deliveries claimed per round; kept to about a second of sending, so few are "sending" at once. */
  batchSize: number;
  /** Emails handed to the transport at once (the SMTP pool queues what its connections cannot take yet). */
  concurrency: number;
  ratePerSecond: number;
  sender: SenderSettings;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/** A round claims at most this many deliveries. */
export const MAX_BATCH_SIZE = 100;
