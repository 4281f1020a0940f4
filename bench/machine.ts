import os from 'node:os';
import { Client } from 'pg';
import * as amqp from 'amqplib';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  rabbitmq: string;
  os: string;
}

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(databaseUrl: string, amqpUrl: string): Promise<MachineInfo> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  const connection = await amqp.connect(amqpUrl);
  const properties = (connection.connection as unknown as { serverProperties?: Record<string, string> })
    .serverProperties;
  await connection.close();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    rabbitmq: properties?.version ?? 'unknown',
    os: `${os.type()} ${os.release()}`,
  };
}
