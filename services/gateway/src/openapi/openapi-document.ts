import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { GatewayModule } from '../gateway.module';
import { SESSION_COOKIE } from '../auth/browser-sessions';
import { BEARER_SCHEME } from './operation';

/**
 * The OpenAPI document of the gateway's API, built from the controllers' decorators. Used both by the
 * running gateway and by `npm run api:types` (which builds it without a broker). Only the gateway's own
 * controllers: the probes and /metrics every process has are for operators (README.md, docs/architecture.md).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Gatehouse API')
    .setDescription(
      'Who gets into a Hub and how: tenancies, Hubs, members, invites, registration links. ' +
        'Authenticate with a bearer token (POST /api/v1/auth/sign-in) or the browser session cookie; ' +
        'cookie-authenticated POST, PATCH and DELETE requests also send the X-CSRF-Token header. ' +
        'Every error is an `Error`: a stable `code` and a `message` in words.',
    )
    .setVersion('1')
    .addServer('/', 'This Gatehouse installation')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_COOKIE)
    .addTag('auth', 'Signing in and who is signed in')
    .addTag('tenancies', 'Tenancies, their admins, invite policy and audit log (the console)')
    .addTag('hubs', 'Hubs and their members (Contacts)')
    .addTag('invites', 'Individual invites of a Hub')
    .addTag('mass-invites', 'Mass invites from a CSV file and their reports')
    .addTag('registration-links', "A Hub's registration link")
    .addTag('notifications', 'Email deliveries and the invite email preview (the console)')
    .build();
  config.info.license = { name: 'UNLICENSED (private)' };
  return sortedMaps(SwaggerModule.createDocument(app, config, { include: [GatewayModule] }));
}

/** The OpenAPI document at /api/docs-json and its UI at /api/docs (public: it describes, it grants nothing). */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** Paths and named components in alphabetical order, so the committed document diffs cleanly. */
function sortedMaps(document: OpenAPIObject): OpenAPIObject {
  const components = Object.fromEntries(
    Object.entries(document.components ?? {}).map(([kind, entries]) => [kind, sortKeys(entries)]),
  );
  return { ...document, paths: sortKeys(document.paths), components };
}

function sortKeys<T extends object>(map: T): T {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
