import * as amqp from 'amqplib';
import { randomBytes, randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { EventEnvelope, INVITE_EVENTS, InvitesIssuedPayload } from '@gatehouse/contracts';
import { ProcessGroup } from '@gatehouse/processes';
import { composeMail, toNodemailerMessage } from '../../services/notification/src/mail/compose-mail';
import { TemplateRenderer, defaultTemplatesDir } from '../../services/notification/src/rendering';
import { BenchSmtpSink } from '../smtp-sink';
import { Figure } from '../report';

const EVENTS = 10;
const PER_EVENT = 1000;
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

/** Gatehouse: events in, emails out of the compiled notification process (claim, render, send, record). */
async function throughNotificationService(env: Record<string, string>, amqpUrl: string, port: number) {
  const sink = await BenchSmtpSink.start();
  const group = new ProcessGroup();
  const namespace = `${env.AMQP_NAMESPACE}-mail`;
  try {
    await group.start('notification', port, {
      ...env,
      AMQP_NAMESPACE: namespace,
      SMTP_URL: sink.url,
      SMTP_POOL_MAX_CONNECTIONS: String(POOL),
      MAIL_RATE_PER_SECOND: '100000',
    });
    const events = Array.from({ length: EVENTS }, (_, i) => inviteEvent(i, PER_EVENT));
    const connection = await amqp.connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    const start = performance.now();
    for (const event of events) {
      channel.publish(`${namespace}.events`, event.name, Buffer.from(JSON.stringify({ pattern: event.name, data: event })), {
        persistent: true,
        contentType: 'application/json',
      });
    }
    await channel.waitForConfirms();
    await connection.close();
    const arrivals = await sink.waitFor(EVENTS * PER_EVENT, () => true, 300_000);
    const seconds = (arrivals[arrivals.length - 1].at - start) / 1000;
    return { perSecond: arrivals.length / seconds, seconds };
  } finally {
    await group.stop();
    await sink.stop();
  }
}

/** Floor: nodemailer alone, pooled like the service, sending the same number of pre-rendered emails. */
async function nodemailerAlone() {
  const sink = await BenchSmtpSink.start();
  const renderer = new TemplateRenderer(defaultTemplatesDir());
  const sender = { fromName: 'Gatehouse', fromAddress: 'gatehouse@localhost', replyTo: null };
  const messages = inviteEvent(0, EVENTS * PER_EVENT).payload.invites.map((invite) =>
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
  const transport = nodemailer.createTransport({
    url: sink.url,
    pool: true,
    maxConnections: POOL,
    maxMessages: Infinity,
  });
  try {
    const start = performance.now();
    await Promise.all(messages.map((message) => transport.sendMail(message)));
    const seconds = (performance.now() - start) / 1000;
    return { perSecond: messages.length / seconds, seconds };
  } finally {
    transport.close();
    await sink.stop();
  }
}

/**
 * Issue 4: emails/s from invite.invite.created events to a local SMTP sink, rendering included — the
 * notification process alone, in a namespace of its own — beside nodemailer's own ceiling.
 */
export async function emailThroughput(env: Record<string, string>, amqpUrl: string, port: number): Promise<Figure[]> {
  const gatehouse = await throughNotificationService(env, amqpUrl, port);
  const floor = await nodemailerAlone();
  const total = EVENTS * PER_EVENT;
  return [
    {
      case: `email throughput: ${EVENTS} invite.invite.created × ${PER_EVENT.toLocaleString('en')} invites → SMTP sink`,
      metric: 'emails/s',
      value: gatehouse.perSecond,
      unit: 'emails/s',
      floor: { label: `nodemailer alone, pool of ${POOL}, pre-rendered`, value: floor.perSecond },
      target: '≥ 1,500 emails/s',
      note:
        `${total.toLocaleString('en')} emails in ${gatehouse.seconds.toFixed(2)} s from the first publish ` +
        `(floor ${floor.seconds.toFixed(2)} s); render, delivery rows and SMTP pool of ${POOL} included`,
    },
  ];
}
