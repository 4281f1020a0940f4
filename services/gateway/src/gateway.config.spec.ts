import { loadEnv } from '@gatehouse/config';
import { GatewayEnv, trustProxySetting } from './gateway.config';

describe('TRUST_PROXY', () => {
  const load = (TRUST_PROXY?: string) =>
    loadEnv(GatewayEnv, { JWT_SECRET: 'x'.repeat(32), NODE_ENV: 'test', ...(TRUST_PROXY ? { TRUST_PROXY } : {}) });

  it('defaults to loopback (a proxy on the same host)', () => {
    expect(trustProxySetting(load().TRUST_PROXY)).toBe('loopback');
  });

  it('takes false, a hop count, or addresses and subnets, as Express does', () => {
    expect(trustProxySetting(load('false').TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(load('2').TRUST_PROXY)).toBe(2);
    expect(trustProxySetting(load('loopback, 10.0.0.0/8').TRUST_PROXY)).toBe('loopback, 10.0.0.0/8');
  });

  it('refuses true (trusting every hop would let any client choose its address) and nonsense', () => {
    expect(() => load('true')).toThrow(/TRUST_PROXY/);
    expect(() => load('10.0.0.0/8; rm -rf')).toThrow(/TRUST_PROXY/);
  });
});
