import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useUpdateRegistrationLink } from '../../../api/registration-link';
import type { RegistrationLink, UserType } from '../../../api/types';
import { useHubContext } from '../../../app/HubFrame';
import { ChipsInput } from '../../../ui/ChipsInput';
import { formatNumber } from '../../../ui/format';
import { isDomain } from '../individual/email-chips';
import { USER_TYPE_LABEL } from '../../../ui/labels';

/** `YYYY-MM-DD` in the browser's time zone, for a date field. */
function toDateField(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The link works until the end of the chosen day, in the browser's time zone. */
const endOfDay = (field: string): Date => new Date(`${field}T23:59:59`);

/** Who joins as what, until when, how many times, from which domains (Hub admins). */
export function RegistrationSettings({ link }: { link: RegistrationLink }) {
  const { hub } = useHubContext();
  const update = useUpdateRegistrationLink(hub.id);
  const [userType, setUserType] = useState<UserType>(link.userType);
  const [expiry, setExpiry] = useState(toDateField(link.expiresAt));
  const [maxUses, setMaxUses] = useState<number | ''>(link.maxUses ?? '');
  const [domains, setDomains] = useState<string[]>(link.allowedDomains);

  const expiryError =
    expiry && endOfDay(expiry).getTime() <= Date.now()
      ? 'Choose a day in the future, or leave it empty for no expiry.'
      : undefined;
  const usesError =
    maxUses !== '' && maxUses < Math.max(1, link.useCount)
      ? `At least ${formatNumber(Math.max(1, link.useCount))} (the uses so far), or empty for no limit.`
      : undefined;

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    if (expiryError || usesError || !domains.every(isDomain)) return;
    update.mutate(
      {
        userType,
        expiresAt: expiry ? endOfDay(expiry).toISOString() : null,
        maxUses: maxUses === '' ? null : maxUses,
        allowedDomains: domains,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Registration link settings saved.' }) },
    );
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <Select
          label="User type for people who join"
          data={(['EXTERNAL_MEMBER', 'TEAM_MEMBER'] as const).map((type) => ({
            value: type,
            label: USER_TYPE_LABEL[type],
          }))}
          value={userType}
          onChange={(value) => value && setUserType(value as UserType)}
          allowDeselect={false}
          w={320}
        />
        <Group align="flex-start" gap="lg">
          <TextInput
            label="Expiry date"
            description="Empty: the link does not expire."
            type="date"
            value={expiry}
            onChange={(event) => setExpiry(event.currentTarget.value)}
            error={expiryError}
            w={220}
          />
          <NumberInput
            label="Maximum uses"
            description={`Used ${formatNumber(link.useCount)} ${link.useCount === 1 ? 'time' : 'times'} so far. Empty: no limit.`}
            value={maxUses}
            onChange={(value) => setMaxUses(typeof value === 'number' ? value : '')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator
            error={usesError}
            w={260}
          />
        </Group>
        <ChipsInput
          label="Allowed email domains"
          description="Only addresses at these domains can join (exact domains, not subdomains). Empty: any domain."
          placeholder="example.com"
          value={domains}
          onChange={setDomains}
          problemOf={(domain) => (isDomain(domain) ? null : 'not a domain such as example.com')}
          normalise={(entry) => entry.toLowerCase().replace(/^@/, '')}
        />
        {update.isError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {errorMessage(update.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
