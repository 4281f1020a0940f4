import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the gateway itself answers: never a file of the web app, never its index.html. */
// Case-insensitive like the router: /METRICS must reach the guarded route, not the web app.
const SERVER_PATHS = /^\/(api|health|metrics|invite|join)(\/|$)/i;

/** Vite names every built asset after its content hash, so a cached copy is never stale. */
const ASSETS = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Where the built web app is: dist/web, found from this compiled file (dist/services/gateway/src/web) so
 * that it does not depend on the working directory; WEB_DIST_DIR overrides it.
 */
export function defaultWebRoot(): string {
  let dir = __dirname;
  while (path.basename(dir) !== 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist/web'); // running from source: the repository's build
    dir = parent;
  }
  return path.join(dir, 'web');
}

/**
 * Serves the React app (`vite build` into dist/web) at `/`: its files, and index.html for every other GET
 * outside the server's own paths (the app's client routes, e.g. /hubs/:id/contacts). Hashed assets are
 * cached for a year, index.html is revalidated every time so that a new release is picked up at once.
 * Without a build (a test that did not run vite) the app's paths answer 503 with a sentence saying so.
 */
export function mountWebApp(app: NestExpressApplication, root: string): void {
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`${index} is missing: the web app is not built (npm run build); / answers 503`);
  }
  // Only vite's output is in `root`, so no file there can shadow an API path.
  app.useStaticAssets(root, {
    index: false,
    setHeaders: (response, file) => {
      response.setHeader('Cache-Control', ASSETS.test(`/${path.relative(root, file)}`) ? IMMUTABLE : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const clientRoute = (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PATHS.test(request.path);
    if (!clientRoute || ASSETS.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index, (error?: Error) => {
      if (!error || response.headersSent) return;
      response
        .status(503)
        .type('text/plain')
        .send('The Gatehouse web app is not built on this server (run npm run build). The API is at /api/v1.');
    });
  });
}
