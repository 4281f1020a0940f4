import type { SenderSettings } from '../mail/compose-mail';
import type { CrashPolicy } from './delivery-record';

/** How the delivery worker behaves; built from the env once, in the module. */
export interface DeliverySettings {
  maxAttempts: number;
  baseBackoffMs: number;
  pollIntervalMs: number;
  /** Who claims: this replica (REPLICA_ID), the same across its restarts. */
  owner: string;
  /** A claim ("sending") lasts this long unless renewed; an expired one belonged to a dead sender. */
  claimLeaseMs: number;
  /** What becomes of deliveries a dead sender had claimed. */
  crashPolicy: CrashPolicy;
  /** Deliveries claimed per round: no more than are sent at once, so a crash leaves only those in doubt. */
  batchSize: number;
  /** Emails handed to the transport at once (the SMTP pool queues what its connections cannot take yet). */
  concurrency: number;
  ratePerSecond: number;
  sender: SenderSettings;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/** A round claims at most this many deliveries. */
export const MAX_BATCH_SIZE = 100;
