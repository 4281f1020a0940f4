import { StatsDay } from '../stats';

/**
 * The emails asked for on one day (UTC) by where they are now: sent, failed for good, retrying (queued again
 * after a failed attempt) and queued (not tried yet, or being sent).
 */
export interface DeliveryDailyStats {
  day: StatsDay;
  sent: number;
  failed: number;
  retrying: number;
  queued: number;
}

/** Emails not sent yet, across every tenancy (the health page's "deliveries waiting"). */
export interface DeliveryBacklogView {
  /** Not tried yet, or being sent now. */
  queued: number;
  /** Waiting for another attempt after a failed one. */
  retrying: number;
  oldestWaitingSince: string | null;
}
