import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** What an operator needs to know about one running process: which build, since when. */
export interface ProcessInfo {
  version: string;
  startedAt: string;
  uptimeSeconds: number;
}

let cachedVersion: string | undefined;

/**
 * The installation's version: the root package.json's, found by walking up from this file (it sits above
 * src/ in a checkout and above dist/ in the image); "unknown" when there is none.
 */
export function gatehouseVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = 'unknown';
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'gatehouse' && manifest.version) {
        cachedVersion = manifest.version;
        break;
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  return cachedVersion;
}

export function processInfo(): ProcessInfo {
  const uptimeSeconds = Math.floor(process.uptime());
  return {
    version: gatehouseVersion(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    uptimeSeconds,
  };
}
