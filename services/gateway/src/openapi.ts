import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The cookie the browser session rides on (contracts.md §1); declared here, issued by the session endpoints. */
export const SESSION_COOKIE = 'gatehouse_session';

/**
 * The OpenAPI document of the gateway's routes, built from the controllers' decorators. Used both by
 * the running gateway and by `npm run api:types` (which builds it without a broker).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Gatehouse API')
    .setDescription('Who gets into a Hub and how: tenancies, Hubs, members, invites, registration links.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return sortedMaps(SwaggerModule.createDocument(app, config));
}

/** The OpenAPI document at /api/docs-json and its UI at /api/docs (public: it describes, it grants nothing). */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** Paths and named components in alphabetical order, so the committed document diffs cleanly. */
function sortedMaps(document: OpenAPIObject): OpenAPIObject {
  const components = document.components ?? {};
  const sortedComponents = Object.fromEntries(
    Object.entries(components).map(([kind, entries]) => [kind, sortKeys(entries as Record<string, unknown>)]),
  );
  return { ...document, paths: sortKeys(document.paths), components: sortedComponents };
}

function sortKeys<T extends Record<string, unknown>>(map: T): T {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
