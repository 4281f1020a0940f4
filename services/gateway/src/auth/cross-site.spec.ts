import type { Request } from 'express';
import { isCrossSiteRequest } from './cross-site';

const PUBLIC_BASE_URL = 'https://gatehouse.example';

/** A request to the gateway at 127.0.0.1:3000 (behind a proxy that keeps the public name in Origin). */
const request = (headers: Record<string, string>) =>
  ({ get: (name: string) => headers[name.toLowerCase()], host: '127.0.0.1:3000' }) as unknown as Request;

describe('isCrossSiteRequest', () => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://gatehouse.example' }],
    [{ origin: 'https://attacker.example' }],
    [{ origin: 'http://gatehouse.example' }],
    [{ origin: 'not a url' }],
  ])('refuses %p', (headers) => {
    expect(isCrossSiteRequest(request(headers), PUBLIC_BASE_URL)).toBe(true);
  });

  it.each([
    [{ 'sec-fetch-site': 'same-origin' }],
    [{ 'sec-fetch-site': 'none' }],
    [{ origin: 'https://gatehouse.example' }],
    [{ origin: 'http://127.0.0.1:3000' }],
    [{ origin: 'null' }],
    [{}],
  ])('lets %p through', (headers) => {
    expect(isCrossSiteRequest(request(headers), PUBLIC_BASE_URL)).toBe(false);
  });
});
