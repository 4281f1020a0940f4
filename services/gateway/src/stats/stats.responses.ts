import { ApiProperty } from '@nestjs/swagger';

export class InviteDay {
  @ApiProperty({ example: '2026-11-30', description: 'A day in UTC.' })
  day!: string;

  @ApiProperty({ type: 'integer', description: 'Invites created that day.' })
  sent!: number;

  @ApiProperty({ type: 'integer', description: 'Invites accepted that day.' })
  accepted!: number;

  @ApiProperty({ type: 'integer', description: 'Invites whose expiry passed that day unaccepted.' })
  expired!: number;

  @ApiProperty({ type: 'integer', description: 'Invite emails asked for that day whose delivery failed for good.' })
  failed!: number;
}

export class InviteTotals {
  @ApiProperty({ type: 'integer' })
  sent!: number;

  @ApiProperty({ type: 'integer' })
  accepted!: number;

  @ApiProperty({ type: 'integer' })
  expired!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;
}

export class InviteStatsResponse {
  @ApiProperty({ type: 'integer' })
  days!: number;

  @ApiProperty({ type: [InviteDay], description: 'One entry per day, oldest first; days with nothing are zeros.' })
  series!: InviteDay[];

  @ApiProperty({ type: InviteTotals })
  totals!: InviteTotals;
}

export class EmailTotals {
  @ApiProperty({ type: 'integer' })
  sent!: number;

  @ApiProperty({ type: 'integer', description: 'Failed for good (a retry from the delivery log may still send it).' })
  failed!: number;

  @ApiProperty({ type: 'integer', description: 'Queued again after a failed attempt.' })
  retrying!: number;

  @ApiProperty({ type: 'integer', description: 'Not tried yet, or being sent.' })
  queued!: number;
}

export class EmailDay extends EmailTotals {
  @ApiProperty({ example: '2026-11-30', description: 'The day (UTC) the emails were asked for.' })
  day!: string;
}

export class EmailStatsResponse {
  @ApiProperty({ type: 'integer' })
  days!: number;

  @ApiProperty({ type: [EmailDay], description: 'One entry per day, oldest first; days with nothing are zeros.' })
  series!: EmailDay[];

  @ApiProperty({ type: EmailTotals })
  totals!: EmailTotals;
}
