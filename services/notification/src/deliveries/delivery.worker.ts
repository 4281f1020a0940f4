import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { composeMail } from '../mail/compose-mail';
import { MAIL_TRANSPORT, MailTransport } from '../mail/mail-transport';
import { TokenBucket } from '../mail/token-bucket';
import { RenderedEmail, TemplateRenderer } from '../rendering';
import { ClaimedDelivery } from './delivery-record';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery-settings';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryRepository } from './delivery.repository';
import { retryDelayMs } from './retry-backoff';
import { classifySendFailure } from './send-failure';

/**
 * Sends queued deliveries. A round sends everything that is due, as a pipeline: `concurrency` lanes each take
 * the next claimed delivery, render it with its tenancy's appendix (read with the claim), wait for the rate limiter, send
 * it and record the outcome — sent; queued again with backoff after a transient failure; failed after a
 * permanent one or the last attempt. Claims ("sending", owner and lease, committed) are made a group of
 * `batchSize` at a time, the next one as soon as what this worker holds unsettled is down to one group:
 * the SMTP pool never waits for a round trip to the database, and no more than two groups are claimed at a
 * time, so a crash leaves at most those in doubt (and only those on the wire may have gone out). The round
 * ends once a claim comes back short and every email under way is recorded.
 *
 * Before a claim, at most once per poll interval, deliveries whose sender died mid-send are recovered by
 * DELIVERY_CRASH_POLICY (the first time, at boot: this replica's own claims from its previous life; always:
 * claims whose lease ran out). While it runs, the worker renews the leases of the claims it holds.
 *
 * Runs in every replica; the claim (FOR UPDATE SKIP LOCKED) keeps them off each other's rows. Woken
 * when an event queued deliveries in this process, and polls for the rest (other replicas' rows, retries).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly bucket: TokenBucket;
  /** One round: send what is due until nothing is; then wait for a wake or the poll. */
  private readonly loop: WorkerLoop;
  private leaseTimer: NodeJS.Timeout | null = null;
  /** False until this replica's claims from before its restart are recovered (the first round). */
  private recoveredPreviousLife = false;
  /** When interrupted sends were last recovered (performance.now()). */
  private recoveredAt = -Infinity;
  /** Ids of the deliveries this worker has claimed and whose outcome is not recorded yet: their leases are renewed. */
  private readonly held = new Set<string>();

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly renderer: TemplateRenderer,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.bucket = new TokenBucket(settings.ratePerSecond);
    this.loop = new WorkerLoop({
      name: 'delivery worker',
      pollIntervalMs: settings.pollIntervalMs,
      errorBackoff: { baseMs: settings.pollIntervalMs, maxMs: Math.max(settings.pollIntervalMs, 5000) },
      logger: this.logger,
      runRound: async () => {
        await this.sendDue();
        return false; // a round ends when nothing is due; what was queued meanwhile woke the loop
      },
    });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Finishes the emails under way (the transport closes after this), releases the rest of what it claimed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.loop.start()) return;
    this.leaseTimer = setInterval(() => {
      this.deliveries
        .renewLeases(this.settings.owner, [...this.held], this.settings.claimLeaseMs)
        .catch((error: Error) => this.logger.warn(`renewing delivery leases failed: ${error.message}`));
    }, this.settings.claimLeaseMs / 3);
    this.leaseTimer.unref();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = null;
  }

  /** Look for due deliveries now (called after an event queued some). */
  wake(): void {
    this.loop.wake();
  }

  /**
   * One round: sends due deliveries until a claim comes back short (or fails, or the worker stops), then
   * waits for every outcome to be recorded. Returns how many deliveries it claimed; a failed claim fails
   * the round once what was already claimed is settled.
   */
  async sendDue(): Promise<number> {
    const group = this.settings.batchSize;
    const ready: ClaimedDelivery[] = [];
    let claiming: Promise<void> | null = null;
    let exhausted = false;
    let claimFailure: unknown = null;
    let claimedCount = 0;
    /** Taken by a lane and not settled yet. */
    let underWay = 0;
    const recordings = new Set<Promise<void>>();

    // Claim the next group once what is held unsettled is down to one group (lanes ≤ group, see the module).
    const topUp = () => {
      if (claiming || exhausted || this.loop.stopping || ready.length + underWay > group) return;
      claiming = this.claimNext(group)
        .then(
          (claimed) => {
            ready.push(...claimed);
            claimedCount += claimed.length;
            exhausted = claimed.length < group;
          },
          (error: unknown) => {
            claimFailure = error;
            exhausted = true;
          },
        )
        .finally(() => (claiming = null));
    };
    // The outcome could not be recorded (database down): the row stays "sending" and is no longer renewed;
    // once its lease runs out DELIVERY_CRASH_POLICY settles it like a crash's.
    const recordingFailed = (delivery: ClaimedDelivery) => (error: Error) =>
      this.logger.error(`delivery ${delivery.id}: recording the outcome failed: ${error.message}`);
    const settled = (delivery: ClaimedDelivery) => () => this.held.delete(delivery.id);

    const lane = async () => {
      for (;;) {
        topUp();
        const next = ready.shift();
        if (!next) {
          if (!claiming) return;
          await claiming;
          continue;
        }
        underWay++;
        let recording: Promise<void> | null = null;
        try {
          recording = (await this.deliver(next))?.recording ?? null;
        } catch (error) {
          recordingFailed(next)(error as Error);
        } finally {
          underWay--;
        }
        if (!recording) {
          settled(next)();
          continue;
        }
        const tracked: Promise<void> = recording.catch(recordingFailed(next)).finally(() => {
          settled(next)();
          recordings.delete(tracked);
        });
        recordings.add(tracked);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, group) }, lane));
    await Promise.all(recordings);
    if (claimFailure) throw claimFailure;
    return claimedCount;
  }

  /** Recovers interrupted sends when due, then claims up to `limit` due deliveries. */
  private async claimNext(limit: number): Promise<ClaimedDelivery[]> {
    if (!this.recoveredPreviousLife || performance.now() - this.recoveredAt >= this.settings.pollIntervalMs) {
      await this.recoverInterrupted();
    }
    const claimed = await this.deliveries.claimDue(limit, this.settings.owner, this.settings.claimLeaseMs);
    for (const delivery of claimed) this.held.add(delivery.id);
    return claimed;
  }

  private async recoverInterrupted(): Promise<void> {
    const previousLife = this.recoveredPreviousLife ? null : this.settings.owner;
    const recovered = await this.deliveries.recoverInterrupted(
      this.settings.crashPolicy,
      this.settings.maxAttempts,
      previousLife,
    );
    this.recoveredPreviousLife = true;
    this.recoveredAt = performance.now();
    if (recovered.length === 0) return;
    this.metrics.count('interrupted', recovered.length);
    const requeued = recovered.filter((d) => d.status === 'queued').map((d) => d.id);
    const failed = recovered.filter((d) => d.status === 'failed').map((d) => d.id);
    if (requeued.length > 0) {
      this.logger.warn(
        `${requeued.length} delivery(ies) were interrupted while sending and are sent again (same Message-ID): ${requeued.join(', ')}`,
      );
    }
    if (failed.length > 0) {
      this.logger.warn(
        `${failed.length} delivery(ies) were interrupted while sending (outcome unknown) and are marked failed: ${failed.join(', ')}`,
      );
    }
  }

  /**
   * Renders, sends and records one delivery. The writing of a "sent" record is returned rather than awaited, so the lane
   * goes on to the next email while it is written (grouped with others by the repository); the round ends
   * only when every record is written. Every other outcome is recorded before this resolves.
   */
  private async deliver(delivery: ClaimedDelivery): Promise<{ recording: Promise<void> } | null> {
    let rendered: RenderedEmail;
    try {
      rendered = this.renderer.renderEmail(delivery.email, { appendix: delivery.appendix });
    } catch (error) {
      this.metrics.count('failed');
      await this.deliveries.markFailed(delivery.id, `The email could not be rendered: ${(error as Error).message}`);
      return null;
    }
    await this.bucket.take();
    if (this.loop.stopping) {
      await this.deliveries.release(delivery.id);
      return null;
    }

    const mail = composeMail(rendered, delivery.recipient, delivery.id, this.settings.sender);
    let messageId: string;
    try {
      messageId = (await this.transport.send(mail)).messageId;
    } catch (error) {
      await this.recordFailure(delivery, error);
      return null;
    }
    this.metrics.count('sent');
    return { recording: this.recordSent(delivery.id, messageId) }; // wrapped: an async function would await it
  }

  /** The email is out: record it, trying a few times, since an unrecorded send looks interrupted. */
  private async recordSent(id: string, messageId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deliveries.markSent(id, messageId);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const failure = classifySendFailure(error);
    if (failure.transient && delivery.attempts < this.settings.maxAttempts) {
      const delay = retryDelayMs(delivery.attempts, this.settings.baseBackoffMs);
      this.metrics.count('retry');
      this.logger.warn(
        `delivery ${delivery.id}: attempt ${delivery.attempts} failed (${failure.reason}); retry in ${delay} ms`,
      );
      await this.deliveries.reschedule(delivery.id, failure.reason, delay);
      this.loop.wakeAfter(delay + 5); // a retry due before the next poll gets its own wake-up
      return;
    }
    const reason = failure.transient
      ? `Gave up after ${delivery.attempts} attempts: ${failure.reason}`
      : failure.reason;
    this.metrics.count('failed');
    this.logger.warn(`delivery ${delivery.id} failed: ${reason}`);
    await this.deliveries.markFailed(delivery.id, reason);
  }
}
