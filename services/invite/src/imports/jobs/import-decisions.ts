import { Injectable, Logger } from '@nestjs/common';
import { ImportJobView, ImportRowOutcome, NOTIFICATION_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { EmailDecision, InviteBatchDecider } from '../../invites/decide/invite-batch.decider';
import { DryRunClassifier } from '../dry-run/dry-run.classifier';
import { EntityManager } from 'typeorm';
import { ImportJobRow } from './import-job-row';

export interface RowOutcome {
  line: number;
  outcome: ImportRowOutcome;
  reason: string | null;
}

const OUTCOME_OF: Record<EmailDecision['outcome'], (decision: EmailDecision) => ImportRowOutcome> = {
  added: () => 'added',
  already_member: () => 'already_member',
  // An invite that was already pending is kept, and not sent again (no second email).
  invited: (decision) => (decision.outcome === 'invited' && !decision.emailSent ? 'already_invited' : 'invited'),
};

/**
 * The bridge from rows of a file to THE invite decision (InviteBatchDecider, the same code path as an
 * individual invite) — or, for a dry run, to a classification that reads the same state and writes
 * nothing.
 */
@Injectable()
export class ImportDecisions {
  private readonly logger = new Logger('ImportDecisions');

  constructor(
    private readonly decider: InviteBatchDecider,
    private readonly classifier: DryRunClassifier,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Decides the rows (one address each, no two alike). A real run hands each part's outcomes to `record`
   * inside the transaction that commits that part (see InviteBatch.record); a dry run changes nothing.
   */
  async decide(
    job: ImportJobRow,
    rows: { line: number; email: string }[],
    record?: (manager: EntityManager, outcomes: RowOutcome[]) => Promise<void>,
  ): Promise<RowOutcome[]> {
    const emails = rows.map((row) => row.email);
    const lineOf = new Map(rows.map((row) => [row.email, row.line]));
    const byEmail = new Map<string, ImportRowOutcome>();
    if (job.dry_run) {
      for (const [email, outcome] of await this.classifier.classify(job, emails)) byEmail.set(email, outcome);
    } else {
      const { decisions } = await this.decider.decide({
        hub: { id: job.hub_id, name: job.hub_name, tenancyId: job.tenancy_id },
        inviter: { accountId: job.created_by, name: job.inviter_name },
        userType: job.user_type,
        expiryDays: job.invite_expiry_days,
        emails,
        resend: 'none',
        intentKey: `import:${job.id}`,
        record:
          record &&
          ((manager, part) =>
            record(
              manager,
              part.map((decision) => ({
                line: lineOf.get(decision.email)!,
                outcome: OUTCOME_OF[decision.outcome](decision),
                reason: null,
              })),
            )),
      });
      for (const decision of decisions) byEmail.set(decision.email, OUTCOME_OF[decision.outcome](decision));
    }
    return rows.map((row) => ({ line: row.line, outcome: byEmail.get(row.email) ?? 'invalid', reason: null }));
  }

  /** Dry run: the invite email that would go out, rendered by the notification service with the appendix. */
  async emailPreview(job: ImportJobRow): Promise<ImportJobView['emailPreview']> {
    try {
      return await this.rpc.call(NOTIFICATION_PATTERNS.PREVIEW_RENDER, {
        actor: { ...SYSTEM_ACTOR, displayName: job.inviter_name }, // the preview names the actor as inviter
        tenancyId: job.tenancy_id,
        hubName: job.hub_name,
        userType: job.user_type,
      });
    } catch (error) {
      // The classification stands on its own; a preview the notification service cannot give now is
      // left out rather than failing the whole dry run.
      this.logger.warn(`dry run ${job.id}: no email preview (${(error as Error).message})`);
      return null;
    }
  }
}
