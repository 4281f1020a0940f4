/** Where tests find PostgreSQL and RabbitMQ: the local services unless TEST_* variables say otherwise. */
/** The database of this test run (see global-setup: a fresh one per run unless TEST_DATABASE_URL is set). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gatehouse_test';
  assertTestDatabase(url);
  return url;
}

export function testAmqpUrl(): string {
  return process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
}

/** Refuses to run against a database whose name does not say "test". */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}
