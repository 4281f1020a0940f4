import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  DeliveryStatus,
  DeliveryView,
  EMAIL_TEMPLATE_IDS,
  EmailTemplateId,
  Page,
  RetryFailedDeliveriesResult,
} from '@gatehouse/contracts';
import { PageFields } from '../openapi/error-body';

/** DeliveryView: one email to one recipient. */
export class Delivery implements DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The event that asked for the email.' })
  eventId!: string;

  @ApiProperty({ example: 'grace@example.com' })
  recipient!: string;

  @ApiProperty({ enum: EMAIL_TEMPLATE_IDS, enumName: 'EmailTemplateId' })
  template!: EmailTemplateId;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'DeliveryStatus',
    description:
      'queued: waiting for its first attempt; sending: claimed by a sender, under way; sent; retrying: queued ' +
      'again after a failed attempt (see nextAttemptAt, lastError); failed: given up or refused for good.',
  })
  status!: DeliveryStatus;

  @ApiProperty({ type: 'integer', description: 'SMTP attempts so far.' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The Message-ID of the sent email.' })
  messageId!: string | null;

  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  hubId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class DeliveryPage extends PageFields implements Page<DeliveryView> {
  @ApiProperty({ type: [Delivery] })
  items!: Delivery[];
}

/** What a bulk retry did. */
export class RetriedDeliveries implements RetryFailedDeliveriesResult {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Failed deliveries queued again (attempts reset).' })
  requeued!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Failed invite or sign-up emails left failed because their link has expired.',
  })
  expired!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Failed invite emails left failed because the invite was accepted or revoked since.',
  })
  notPending!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Failed invite emails left failed because the invite was resent since (the newer email has its link).',
  })
  resent!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Failed sign-up confirmations left failed: their link is dropped when they fail (the person signs up again).',
  })
  linkGone!: number;
}
