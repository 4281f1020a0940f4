import { ImportDecisions } from './import-decisions';
import { ImportJobRow } from './import-job-row';

const job = {
  id: 'job-1',
  dry_run: true,
  hub_id: 'h',
  hub_name: 'Apollo',
  tenancy_id: 't',
  created_by: 'a',
  inviter_name: 'Ada',
  user_type: 'TEAM_MEMBER',
  invite_expiry_days: 14,
} as unknown as ImportJobRow;

describe('ImportDecisions', () => {
  it('reports each row with the outcome the decision gave it', async () => {
    const decider = {
      preview: jest.fn(async () => [
        { email: 'a@x.example', outcome: 'invited', emailSent: false },
        { email: 'b@x.example', outcome: 'added', accountId: 'b' },
      ]),
    };
    const decisions = new ImportDecisions(decider as never, {} as never, {} as never);
    await expect(
      decisions.decide(job, [
        { line: 2, email: 'a@x.example' },
        { line: 3, email: 'b@x.example' },
      ]),
    ).resolves.toEqual([
      { line: 2, outcome: 'already_invited', reason: null },
      { line: 3, outcome: 'added', reason: null },
    ]);
  });

  it('throws for a row the decision gave no answer for, instead of calling it invalid', async () => {
    const decider = { preview: jest.fn(async () => [{ email: 'a@x.example', outcome: 'invited', emailSent: true }]) };
    const decisions = new ImportDecisions(decider as never, {} as never, {} as never);
    await expect(
      decisions.decide(job, [
        { line: 2, email: 'a@x.example' },
        { line: 3, email: 'b@x.example' },
      ]),
    ).rejects.toThrow(/no answer for line 3 \(b@x\.example\)/);
  });
});
