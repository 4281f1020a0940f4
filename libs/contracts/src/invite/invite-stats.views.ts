import { StatsDay } from '../stats';

/** Invites of one day (UTC): created (sent), accepted that day, and expired that day (their expiry passed). */
export interface InviteDailyStats {
  day: StatsDay;
  sent: number;
  accepted: number;
  expired: number;
}
