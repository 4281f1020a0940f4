import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { composeMail } from '../mail/compose-mail';
import { MAIL_TRANSPORT, MailTransport } from '../mail/mail-transport';
import { TokenBucket } from '../mail/token-bucket';
import { PolicyReadModel } from '../policy/policy-read-model';
import { RenderedEmail, TemplateRenderer } from '../rendering';
import { ClaimedDelivery } from './delivery-record';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery-settings';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryRepository } from './delivery.repository';
import { retryDelayMs } from './retry-backoff';
import { classifySendFailure } from './send-failure';

/**
 * Sends queued deliveries. Each round: recover deliveries whose sender died mid-send (at boot, this
 * replica's own claims from its previous life; always, claims whose lease ran out) by DELIVERY_CRASH_POLICY,
 * claim as many due ones as are sent at once ("sending", owner and lease, committed), then for each:
 * render with the tenancy's current appendix, wait for the rate limiter, send, and record the outcome —
 * sent; queued again with backoff after a transient failure; failed after a permanent one or the last attempt.
 * While it runs, the worker renews its claims' leases.
 *
 * Runs in every replica; the claim (FOR UPDATE SKIP LOCKED) keeps them off each other's rows. Woken
 * when an event queued deliveries in this process, and polls for the rest (other replicas' rows, retries).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly bucket: TokenBucket;
  /** One round: recover interrupted sends, deliver a batch; again at once while batches come back full. */
  private readonly loop: WorkerLoop;
  private leaseTimer: NodeJS.Timeout | null = null;
  /** False until this replica's claims from before its restart are recovered (the first round). */
  private recoveredPreviousLife = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly policies: PolicyReadModel,
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
        await this.recoverInterrupted();
        return (await this.deliverBatch()) >= this.settings.batchSize;
      },
    });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Finishes the emails under way (the transport closes after this), releases the rest of the batch. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.loop.start()) return;
    this.leaseTimer = setInterval(() => {
      this.deliveries
        .renewLeases(this.settings.owner, this.settings.claimLeaseMs)
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

  private async recoverInterrupted(): Promise<void> {
    const previousLife = this.recoveredPreviousLife ? null : this.settings.owner;
    const recovered = await this.deliveries.recoverInterrupted(
      this.settings.crashPolicy,
      this.settings.maxAttempts,
      previousLife,
    );
    this.recoveredPreviousLife = true;
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

  /** One round; returns how many deliveries it claimed. */
  async deliverBatch(): Promise<number> {
    const claimed = await this.deliveries.claimDue(
      this.settings.batchSize,
      this.settings.owner,
      this.settings.claimLeaseMs,
    );
    if (claimed.length === 0) return 0;
    const appendices = await this.policies.appendices(
      claimed.filter((d) => d.email.template === 'invite').map((d) => d.tenancyId),
    );
    let next = 0;
    const recordings: Promise<void>[] = [];
    // The outcome could not be recorded (database down): the row stays "sending" until its lease runs
    // out, then DELIVERY_CRASH_POLICY settles it like a crash's.
    const recordingFailed = (delivery: ClaimedDelivery) => (error: Error) =>
      this.logger.error(`delivery ${delivery.id}: recording the outcome failed: ${error.message}`);
    const lane = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++];
        await this.deliver(delivery, appendices.get(delivery.tenancyId) ?? null, (recording) =>
          recordings.push(recording.catch(recordingFailed(delivery))),
        ).catch(recordingFailed(delivery));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, claimed.length) }, lane));
    await Promise.all(recordings);
    return claimed.length;
  }

  /**
   * Renders, sends and records one delivery. A "sent" record is handed to `recordLater` rather than
   * awaited, so the lane goes on to the next email while it is written (grouped with others by the
   * repository); the round ends only when every record is written.
   */
  private async deliver(
    delivery: ClaimedDelivery,
    appendix: string | null,
    recordLater: (recording: Promise<void>) => void,
  ): Promise<void> {
    let rendered: RenderedEmail;
    try {
      rendered = this.renderer.renderEmail(delivery.email, { appendix });
    } catch (error) {
      this.metrics.count('failed');
      return this.deliveries.markFailed(delivery.id, `The email could not be rendered: ${(error as Error).message}`);
    }
    await this.bucket.take();
    if (this.loop.stopping) return this.deliveries.release(delivery.id);

    const mail = composeMail(rendered, delivery.recipient, delivery.id, this.settings.sender);
    let messageId: string;
    try {
      messageId = (await this.transport.send(mail)).messageId;
    } catch (error) {
      return this.recordFailure(delivery, error);
    }
    this.metrics.count('sent');
    recordLater(this.recordSent(delivery.id, messageId));
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
