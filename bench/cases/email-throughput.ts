import * as amqp from 'amqplib';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { EventEnvelope, INVITE_EVENTS, InvitesIssuedPayload } from '@gatehouse/contracts';
import { ProcessGroup, repoRoot } from '../../scripts/processes';
import { composeMail, toNodemailerMessage } from '../../services/notification/src/mail/compose-mail';
import { TemplateRenderer, defaultTemplatesDir } from '../../services/notification/src/rendering';
import { processEnv } from '../bench-processes';
import { deleteNamespace } from '../bench-system';
import { cpuSeconds, postgresCpuSeconds } from '../process-cpu';
import { BenchSmtpSink } from '../smtp-sink';
import { Figure } from '../report';
import { ISSUE_TARGETS } from '../targets';

const EVENTS = 10;
export const PER_EVENT = 1000;
const POOL = 5; // SMTP_POOL_MAX_CONNECTIONS: the service's default, and the floor's pool

/** One invite.invite.created event of `count` invites, as the invite service's outbox relay would publish it. */
function inviteEvent(index: number, count: number): EventEnvelope<InvitesIssuedPayload> {
  const expiresAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  return {
    id: randomUUID(),
    name: INVITE_EVENTS.CREATED,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    payload: {
      hubId: randomUUID(),
      hubName: 'Bench Hub',
      tenancyId: randomUUID(),
      inviterAccountId: randomUUID(),
      inviterName: 'Bench Admin',
      userType: 'EXTERNAL_MEMBER',
      invites: Array.from({ length: count }, (_, i) => ({
        inviteId: randomUUID(),
        email: `mail-${index}-${i}@example.com`,
        acceptUrl: `http://localhost:3000/invite/${randomBytes(32).toString('base64url')}`,
        expiresAt,
      })),
    },
  };
}

export interface Measured {
  perSecond: number;
  seconds: number;
  /** CPU ms per email of the sending process (and of PostgreSQL, for the service). */
  senderCpuMs: number;
  postgresCpuMs?: number;
}

/**
 * Gatehouse: events in, emails out of the compiled notification process (claim, render, send, record).
 * `events` events of PER_EVENT invites each, all published at once.
 */
export async function throughNotificationService(
  env: Record<string, string>,
  amqpUrl: string,
  port: number,
  sink: BenchSmtpSink,
  events: number = EVENTS,
): Promise<Measured & { arrivals: number[] }> {
  const group = new ProcessGroup();
  const namespace = `${env.AMQP_NAMESPACE}-mail`;
  try {
    const { child } = await group.start(
      'notification',
      port,
      processEnv('notification', 'notification', env, {
        AMQP_NAMESPACE: namespace,
        SMTP_URL: sink.url,
        SMTP_POOL_MAX_CONNECTIONS: String(POOL),
        MAIL_RATE_PER_SECOND: '100000',
      }),
    );
    const published = Array.from({ length: events }, (_, i) => inviteEvent(i, PER_EVENT));
    const connection = await amqp.connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    const cpuBefore = cpuSeconds(child.pid!);
    const postgresBefore = postgresCpuSeconds();
    const start = performance.now();
    for (const event of published) {
      const body = Buffer.from(JSON.stringify({ pattern: event.name, data: event }));
      channel.publish(`${namespace}.events`, event.name, body, { persistent: true, contentType: 'application/json' });
    }
    await channel.waitForConfirms();
    await connection.close();
    const arrivals = await sink.waitFor(events * PER_EVENT, () => true, 1_200_000);
    const seconds = (arrivals[arrivals.length - 1].at - start) / 1000;
    return {
      arrivals: arrivals.map((arrival) => arrival.at - start),
      perSecond: arrivals.length / seconds,
      seconds,
      senderCpuMs: ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / arrivals.length,
      postgresCpuMs: ((postgresCpuSeconds() - postgresBefore) * 1000) / arrivals.length,
    };
  } finally {
    await group.stop();
    await deleteNamespace(namespace);
  }
}

/**
 * Floor: nodemailer alone, pooled like the service, sending the same number of pre-rendered emails to the
 * same sink — from a process of its own, as the service does (sender and sink in one process would spare
 * the sender every wake-up of the other side).
 */
export function nodemailerAlone(sink: BenchSmtpSink): Promise<Measured> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', path.join(repoRoot(), 'scripts/runtime-paths.js'), __filename, sink.url, String(EVENTS * PER_EVENT)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`nodemailer floor failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as Measured);
      },
    );
  });
}

/** The floor's child process: render everything first (not timed), then hand it all to the pool. */
async function sendPreRendered(url: string, count: number): Promise<Measured> {
  const renderer = new TemplateRenderer(defaultTemplatesDir());
  const sender = { fromName: 'Gatehouse', fromAddress: 'gatehouse@localhost', replyTo: null };
  const messages = inviteEvent(0, count).payload.invites.map((invite) =>
    toNodemailerMessage(
      composeMail(
        renderer.render('invite', {
          hubName: 'Bench Hub',
          inviterName: 'Bench Admin',
          inviteeEmail: invite.email,
          acceptUrl: invite.acceptUrl,
          expiresAt: invite.expiresAt,
          userType: 'EXTERNAL_MEMBER',
        }),
        invite.email,
        invite.inviteId,
        sender,
      ),
    ),
  );
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: POOL, maxMessages: Infinity });
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(messages.map((message) => transport.sendMail(message)));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  transport.close();
  return { perSecond: count / seconds, seconds, senderCpuMs: (cpu.user + cpu.system) / 1000 / count };
}

/**
 * Issue 4: emails/s from invite.invite.created events to a local SMTP sink, rendering included — the
 * notification process alone, in a namespace of its own — beside nodemailer's own ceiling.
 */
export async function emailThroughput(env: Record<string, string>, amqpUrl: string, port: number): Promise<Figure[]> {
  const sink = await BenchSmtpSink.start();
  try {
    const gatehouse = await throughNotificationService(env, amqpUrl, port, sink);
    sink.reset();
    const floor = await nodemailerAlone(sink);
    const total = EVENTS * PER_EVENT;
    return [
      {
        case: `email throughput: ${EVENTS} invite.invite.created × ${PER_EVENT.toLocaleString('en')} invites → SMTP sink`,
        metric: 'emails/s',
        value: gatehouse.perSecond,
        unit: 'emails/s',
        floor: { label: `nodemailer alone, own process, pool of ${POOL}, pre-rendered`, value: floor.perSecond },
        target: ISSUE_TARGETS.emailRate,
        note:
          `${total.toLocaleString('en')} emails in ${gatehouse.seconds.toFixed(2)} s from the first publish ` +
          `(floor ${floor.seconds.toFixed(2)} s); CPU per email: notification ${gatehouse.senderCpuMs.toFixed(2)} ms ` +
          `+ PostgreSQL ${gatehouse.postgresCpuMs!.toFixed(2)} ms, nodemailer alone ${floor.senderCpuMs.toFixed(2)} ms`,
      },
    ];
  } finally {
    await sink.stop();
  }
}

if (require.main === module) {
  sendPreRendered(process.argv[2], Number(process.argv[3])).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: Error) => {
      process.stderr.write(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
