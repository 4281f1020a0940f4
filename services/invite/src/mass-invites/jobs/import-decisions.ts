import { Injectable, Logger } from '@nestjs/common';
import {
  ERROR_CODES,
  IMPORT_ERROR_CODES,
  ImportJobView,
  ImportRowOutcome,
  NOTIFICATION_PATTERNS,
  SYSTEM_ACTOR,
  DomainError,
  isDomainError,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { HubClient } from '../../hub/hub-client';
import { ForeseenDecision, InviteBatch, InviteBatchDecider } from '../../invites/decide/invite-batch.decider';
import { EntityManager } from 'typeorm';
import { ImportJobRow } from './import-job-row';

export interface RowOutcome {
  line: number;
  outcome: ImportRowOutcome;
  reason: string | null;
}

const OUTCOME_OF: Record<ForeseenDecision['outcome'], (decision: ForeseenDecision) => ImportRowOutcome> = {
  added: () => 'added',
  already_member: () => 'already_member',
  // An invite that was already pending is kept, and not sent again (no second email).
  invited: (decision) => (decision.outcome === 'invited' && !decision.emailSent ? 'already_invited' : 'invited'),
};

/** The hub's answers that mean the uploader may not invite here any more. */
const REFUSALS = new Set<string>([ERROR_CODES.PERMISSION_DENIED, ERROR_CODES.HUB_NOT_FOUND]);

/**
 * The bridge from rows of a file to THE invite decision (InviteBatchDecider, the same code path as an
 * individual invite) — for a dry run its preview, which reads the same state the same way and writes
 * nothing.
 */
@Injectable()
export class ImportDecisions {
  private readonly logger = new Logger('ImportDecisions');

  constructor(
    private readonly decider: InviteBatchDecider,
    private readonly rpc: RpcClient,
    private readonly hubs: HubClient,
  ) {}

  /**
   * Decides the rows (one address each, no two alike). A real run hands each part's outcomes to `record`
   * inside the transaction that commits that part (see InviteBatch.record); a dry run changes nothing.
   * A row the decision gave no answer for is a bug, never an outcome: it throws (the job fails).
   */
  async decide(
    job: ImportJobRow,
    rows: { line: number; email: string }[],
    record?: (manager: EntityManager, outcomes: RowOutcome[]) => Promise<void>,
  ): Promise<RowOutcome[]> {
    const lineOf = new Map(rows.map((row) => [row.email, row.line]));
    const batch: InviteBatch = {
      hub: { id: job.hub_id, name: job.hub_name, tenancyId: job.tenancy_id },
      inviter: { accountId: job.created_by, name: job.inviter_name },
      userType: job.user_type,
      expiryDays: job.invite_expiry_days,
      emails: rows.map((row) => row.email),
      resend: 'none',
    };
    const decisions: ForeseenDecision[] = job.dry_run
      ? await this.decider.preview(batch)
      : (
          await this.decider.decide({
            ...batch,
            intentKey: `import:${job.id}`,
            beforeChunk: () => this.uploaderMayStillInvite(job),
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
          })
        ).decisions;
    const byEmail = new Map(decisions.map((decision) => [decision.email, OUTCOME_OF[decision.outcome](decision)]));
    return rows.map((row) => {
      const outcome = byEmail.get(row.email);
      if (!outcome)
        throw new Error(`Import ${job.id}: the decision gave no answer for line ${row.line} (${row.email})`);
      return { line: row.line, outcome, reason: null };
    });
  }

  /**
   * The job invites in its uploader's name, so it goes on only while they may: asked of the hub before
   * every chunk. A refusal (invite permission turned off, removed from the Hub, no longer allowed to invite
   * this user type) stops the job with IMPORT.UPLOADER_MAY_NOT_INVITE and the hub's reason; a hub that does
   * not answer is a transient error (the runner retries the step).
   */
  private async uploaderMayStillInvite(job: ImportJobRow): Promise<void> {
    try {
      await this.hubs.authorise(job.created_by, job.hub_id, 'invite', job.user_type);
    } catch (error) {
      if (!isDomainError(error) || !REFUSALS.has(error.code)) throw error;
      const reason =
        error.code === ERROR_CODES.HUB_NOT_FOUND ? 'they are no longer a member of the Hub' : error.message;
      throw new DomainError(
        IMPORT_ERROR_CODES.UPLOADER_MAY_NOT_INVITE,
        `${job.inviter_name}, who uploaded the file, may no longer invite people to ${job.hub_name} — ${reason}`,
        { hubId: job.hub_id, refusal: error.code },
      );
    }
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
