import type { components } from './schema';

/**
 * The browser-session endpoints (contracts.md §1), until the generated document describes them: the
 * session branch adds them to the gateway and `npm run api:types` then writes them into schema.d.ts,
 * after which this file goes. Shaped exactly as openapi-typescript writes an operation.
 */
type BrowserSession = {
  account: components['schemas']['AccountView'];
  csrfToken: string;
  /** Format: date-time */
  expiresAt: string;
};
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

export interface SessionPaths {
  '/api/v1/auth/session': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<BrowserSession>; 401: Json<components['schemas']['Error']> };
    };
    put?: never;
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': components['schemas']['SignInBody'] } };
      responses: {
        200: Json<BrowserSession>;
        401: Json<components['schemas']['Error']>;
        429: Json<components['schemas']['Error']>;
      };
    };
    delete: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
