import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { MailTransport, OutgoingMail } from '../mail/mail-transport';
import { TemplateRenderer, defaultTemplatesDir } from '../rendering';
import { ClaimedDelivery } from './delivery-record';
import { DeliverySettings } from './delivery-settings';
import { DeliveryMetrics } from './delivery.metrics';
import type { DeliveryRepository } from './delivery.repository';
import { DeliveryWorker } from './delivery.worker';

const settings: DeliverySettings = {
  maxAttempts: 3,
  baseBackoffMs: 1000,
  pollIntervalMs: 60_000,
  owner: 'test-host/notification',
  claimLeaseMs: 30_000,
  crashPolicy: 'at-least-once',
  batchSize: 10,
  concurrency: 2,
  ratePerSecond: 1000,
  sender: { fromName: 'Gatehouse', fromAddress: 'noreply@gatehouse.example', replyTo: null },
};

function invite(id: string, attempts = 1, acceptUrl = 'https://gatehouse.example/a?t=1'): ClaimedDelivery {
  return {
    id,
    recipient: `${id}@example.com`,
    tenancyId: 'tenancy-1',
    attempts,
    appendix: 'Call us.',
    email: {
      template: 'invite',
      vars: {
        hubName: 'Apollo',
        inviterName: 'Ada',
        inviteeEmail: `${id}@example.com`,
        acceptUrl,
        expiresAt: '2099-01-01T00:00:00Z',
        userType: 'TEAM_MEMBER',
      },
    },
  };
}

/** The repository as the worker uses it, recording every outcome. */
class FakeRepository {
  claimable: ClaimedDelivery[] = [];
  readonly outcomes: [string, string, ...unknown[]][] = [];
  /** Size of each claim, and the most deliveries claimed and not yet settled at once. */
  readonly claims: number[] = [];
  readonly recoveries: (string | null)[] = [];
  claimedUnsettled = 0;
  mostClaimedUnsettled = 0;
  async claimDue(limit: number) {
    const claimed = this.claimable.splice(0, limit);
    this.claims.push(claimed.length);
    this.claimedUnsettled += claimed.length;
    this.mostClaimedUnsettled = Math.max(this.mostClaimedUnsettled, this.claimedUnsettled);
    return claimed;
  }
  async markSent(id: string, messageId: string) {
    this.claimedUnsettled--;
    this.outcomes.push(['sent', id, messageId]);
  }
  async reschedule(id: string, error: string, delayMs: number) {
    this.outcomes.push(['reschedule', id, error, delayMs]);
  }
  async markFailed(id: string, reason: string) {
    this.outcomes.push(['failed', id, reason]);
  }
  async release(id: string) {
    this.outcomes.push(['release', id]);
  }
  async recoverInterrupted(_policy: string, _maxAttempts: number, previousLife: string | null) {
    this.recoveries.push(previousLife);
    return [];
  }
  async renewLeases() {}
}

class FakeTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  readonly sent: OutgoingMail[] = [];
  failures = new Map<string, unknown>();
  onSend: (mail: OutgoingMail) => void = () => undefined;
  async send(mail: OutgoingMail) {
    this.onSend(mail);
    const failure = this.failures.get(mail.to);
    if (failure) throw failure;
    this.sent.push(mail);
    return { messageId: mail.messageId };
  }
  async close() {}
}

describe('DeliveryWorker', () => {
  const renderer = new TemplateRenderer(defaultTemplatesDir());
  let repo: FakeRepository;
  let transport: FakeTransport;
  let worker: DeliveryWorker;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    repo = new FakeRepository();
    transport = new FakeTransport();
    worker = new DeliveryWorker(
      repo as unknown as DeliveryRepository,
      renderer,
      transport,
      settings,
      new DeliveryMetrics(new Registry()),
    );
  });

  it('renders with the appendix, sends from the configured sender and records the Message-ID', async () => {
    repo.claimable = [invite('a')];
    expect(await worker.sendDue()).toBe(1);
    expect(transport.sent[0]).toMatchObject({
      to: 'a@example.com',
      from: { name: 'Gatehouse', address: 'noreply@gatehouse.example' },
      messageId: '<a@gatehouse.example>',
    });
    expect(transport.sent[0].text.trimEnd().endsWith('Call us.')).toBe(true);
    expect(repo.outcomes).toEqual([['sent', 'a', '<a@gatehouse.example>']]);
  });

  it('reschedules a transient failure with backoff, and gives up on the last attempt', async () => {
    const busy = Object.assign(new Error('busy'), { responseCode: 451, response: '451 busy' });
    transport.failures.set('a@example.com', busy);
    transport.failures.set('b@example.com', busy);
    repo.claimable = [invite('a', 1), invite('b', 3)];
    await worker.sendDue();
    const [reschedule] = repo.outcomes.filter(([kind]) => kind === 'reschedule');
    expect(reschedule.slice(0, 3)).toEqual(['reschedule', 'a', 'SMTP 451: 451 busy']);
    expect(reschedule[3]).toBeGreaterThanOrEqual(500);
    expect(reschedule[3]).toBeLessThanOrEqual(1000);
    expect(repo.outcomes).toContainEqual(['failed', 'b', 'Gave up after 3 attempts: SMTP 451: 451 busy']);
  });

  it('fails a permanent rejection at once', async () => {
    transport.failures.set(
      'a@example.com',
      Object.assign(new Error('no'), { responseCode: 550, response: '550 no such user' }),
    );
    repo.claimable = [invite('a', 1)];
    await worker.sendDue();
    expect(repo.outcomes).toEqual([['failed', 'a', 'SMTP 550: 550 no such user']]);
  });

  it('fails an email that cannot be rendered without sending it', async () => {
    repo.claimable = [invite('a', 1, 'javascript:alert(1)')];
    await worker.sendDue();
    expect(transport.sent).toEqual([]);
    expect(repo.outcomes).toEqual([
      ['failed', 'a', expect.stringMatching(/^The email could not be rendered: acceptUrl/)],
    ]);
  });

  it('when stopping, finishes what it sends and releases what it has not sent yet', async () => {
    repo.claimable = [invite('a'), invite('b'), invite('c'), invite('d')];
    transport.onSend = () => {
      void worker.stop(); // stop arrives during the first sends (the worker was never started: no polling loop)
    };
    await worker.sendDue();
    const sent = repo.outcomes.filter(([kind]) => kind === 'sent').map(([, id]) => id);
    const released = repo.outcomes.filter(([kind]) => kind === 'release').map(([, id]) => id);
    expect(sent.length).toBeGreaterThan(0);
    expect([...sent, ...released].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(transport.sent.map((m) => m.to.split('@')[0]).sort()).toEqual(sent.sort());
  });

  it('sends everything due in one round, claiming the next group while sending, never more than two groups', async () => {
    const ids = Array.from({ length: 35 }, (_, i) => `d${i}`);
    repo.claimable = ids.map((id) => invite(id));
    transport.onSend = () => undefined;
    expect(await worker.sendDue()).toBe(35);
    expect(repo.claims).toEqual([10, 10, 10, 5]);
    expect(repo.mostClaimedUnsettled).toBeGreaterThan(10); // the next group came before the previous was done
    expect(repo.mostClaimedUnsettled).toBeLessThanOrEqual(20);
    expect(transport.sent.map((mail) => mail.to.split('@')[0]).sort()).toEqual([...ids].sort());
    expect(repo.outcomes.filter(([kind]) => kind === 'sent')).toHaveLength(35);
  });

  it('recovers interrupted sends before its first claim (its previous life too), then at most once per poll interval', async () => {
    repo.claimable = Array.from({ length: 25 }, (_, i) => invite(`d${i}`));
    await worker.sendDue();
    await worker.sendDue();
    expect(repo.recoveries).toEqual(['test-host/notification']); // poll interval: 60 s
  });
});
