import { Actor } from './actor';

/**
 * The actor of trusted operator tooling (the bootstrap command, the development demo), which runs
 * with direct access to the broker. Never issued to an HTTP caller.
 */
export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000',
  email: 'system@gatehouse.invalid',
  displayName: 'Gatehouse system',
  isOperator: true,
};
