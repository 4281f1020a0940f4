import { IsInt, IsString, MinLength } from 'class-validator';
import { BaseEnv } from './base-env';
import { EnvValidationError, loadEnv } from './load-env';

class SampleEnv extends BaseEnv {
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsInt()
  HTTP_PORT: number = 3000;
}

describe('loadEnv', () => {
  it('applies defaults and converts numbers', () => {
    const env = loadEnv(SampleEnv, { JWT_SECRET: 'x'.repeat(32), HTTP_PORT: '4100' });
    expect(env.HTTP_PORT).toBe(4100);
    expect(env.AMQP_NAMESPACE).toBe('gatehouse');
  });

  it('lists every problem in one clear error', () => {
    expect(() => loadEnv(SampleEnv, { DATABASE_URL: 'mysql://x', NODE_ENV: 'staging' })).toThrow(EnvValidationError);
    try {
      loadEnv(SampleEnv, { DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL must be a postgres:// URL');
      expect(message).toContain('JWT_SECRET must be at least 32 characters');
    }
  });
});
