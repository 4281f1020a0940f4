import { RateLimitHits1764300000000 } from './1764300000000-rate-limit-hits';

/** The gateway's own schema. */
export const GATEWAY_SCHEMA = 'gateway';

/** In order. A new migration is appended here and never edited after it has shipped. */
export const GATEWAY_MIGRATIONS = [RateLimitHits1764300000000];
