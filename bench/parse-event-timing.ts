/**
 * CPU time of parseEvent on one 1,000-invite invite.invite.created (and a 1,000-member hub.member.added),
 * as the notification service checks every event: median and best of 50 runs in one process, after 10
 * warm-up runs (printed too: the first events of a process run unoptimised code). `node -r ./scripts/runtime-paths.js dist/bench/parse-event-timing.js [runs]`.
 */
import { randomUUID } from 'node:crypto';
import { HUB_EVENTS, INVITE_EVENTS, parseEvent, type EventName } from '@gatehouse/contracts';

const ITEMS = 1000;

function envelope(name: EventName, payload: object) {
  return { id: randomUUID(), name, occurredAt: new Date().toISOString(), correlationId: null, payload };
}

const hub = { hubId: randomUUID(), tenancyId: randomUUID(), hubName: 'Apollo', userType: 'TEAM_MEMBER' };

const invitesCreated = envelope(INVITE_EVENTS.CREATED, {
  ...hub,
  inviterAccountId: randomUUID(),
  inviterName: 'Ada Lovelace',
  invites: Array.from({ length: ITEMS }, (_, i) => ({
    inviteId: randomUUID(),
    email: `invitee-${i}@example.com`,
    acceptUrl: `https://gatehouse.example.com/invites/accept?token=${randomUUID()}${randomUUID()}`,
    expiresAt: '2026-12-14T10:00:00.000Z',
  })),
});

const membersAdded = envelope(HUB_EVENTS.MEMBERS_ADDED, {
  ...hub,
  addedBy: randomUUID(),
  members: Array.from({ length: ITEMS }, (_, i) => ({
    accountId: randomUUID(),
    email: `member-${i}@example.com`,
    displayName: `Member ${i}`,
  })),
});

const WARM_UP = 10;

/** CPU milliseconds (user + system) of each run: the warm-up ones (in order) and the others (sorted). */
async function time(name: EventName, event: object, runs: number): Promise<{ cold: number[]; warm: number[] }> {
  const cpu: number[] = [];
  for (let i = 0; i < runs + WARM_UP; i++) {
    const start = process.cpuUsage();
    await parseEvent(name, event);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cold: cpu.slice(0, WARM_UP), warm: cpu.slice(WARM_UP).sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 50);
  for (const [name, event] of [
    [INVITE_EVENTS.CREATED, invitesCreated],
    [HUB_EVENTS.MEMBERS_ADDED, membersAdded],
  ] as const) {
    const { cold, warm } = await time(name, event, runs);
    const median = warm[Math.floor(warm.length / 2)];
    console.log(
      `${name} × ${ITEMS}: median ${median.toFixed(2)} ms CPU, best ${warm[0].toFixed(2)} ms (${runs} runs); ` +
        `first ${WARM_UP} calls: ${cold.map((ms) => ms.toFixed(1)).join(' ')} ms`,
    );
  }
}

void main();
