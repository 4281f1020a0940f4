import type { DeliveryStatus, EmailTemplateId } from '../../../api/types';

export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  retrying: { label: 'Retrying', color: 'orange' },
  failed: { label: 'Failed', color: 'red' },
};

export const EMAIL_KIND_LABEL: Record<EmailTemplateId, string> = {
  invite: 'Invite',
  'member-added': 'Added to a Hub',
  'signup-confirm': 'Sign-up confirmation',
};
