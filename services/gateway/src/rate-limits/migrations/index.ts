import { RateLimitHits1764300000000 } from './1764300000000-rate-limit-hits';

/** In order. A new migration is appended here and never edited after it has shipped. */
export const GATEWAY_MIGRATIONS = [RateLimitHits1764300000000];
