import {
  RegistrationLinkPreview,
  RegistrationLinkSettings,
  RegistrationLinkStatus,
  RegistrationLinkView,
  UserType,
} from '@gatehouse/contracts';
import { selectList } from '../../database/select-list';
import { isDomainAllowed } from './allowed-domains';
import { RegistrationLinkErrors } from './registration-link-errors';

/** One row of invite.registration_links as the repository reads it. */
export interface RegistrationLinkRow {
  id: string;
  hub_id: string;
  tenancy_id: string;
  hub_name: string;
  enabled: boolean;
  user_type: UserType;
  expires_at: Date | null;
  max_uses: number | null;
  use_count: number;
  allowed_domains: string[];
  token_hash: string | null;
  token_sealed: string | null;
  updated_at: Date;
  /** Past its expiry by the database clock. */
  lapsed: boolean;
}

const PLAIN_COLUMNS = [
  'id',
  'hub_id',
  'tenancy_id',
  'hub_name',
  'enabled',
  'user_type',
  'expires_at',
  'max_uses',
  'use_count',
  'allowed_domains',
  'token_hash',
  'token_sealed',
  'updated_at',
];

/** The select (or RETURNING) list that yields a RegistrationLinkRow. */
export function registrationLinkColumns(alias?: string): string {
  return selectList(PLAIN_COLUMNS, alias, (p) => [
    `(${p}expires_at IS NOT NULL AND ${p}expires_at <= clock_timestamp()) AS lapsed`,
  ]);
}

export function linkStatus(row: RegistrationLinkRow): RegistrationLinkStatus {
  if (!row.enabled) return 'disabled';
  if (row.lapsed) return 'expired';
  if (row.max_uses !== null && row.use_count >= row.max_uses) return 'used_up';
  return 'open';
}

/** Throws the error that explains why nobody can join through this link now. */
export function assertOpen(row: RegistrationLinkRow): void {
  switch (linkStatus(row)) {
    case 'disabled':
      throw RegistrationLinkErrors.disabled();
    case 'expired':
      throw RegistrationLinkErrors.expired();
    case 'used_up':
      throw RegistrationLinkErrors.usedUp();
    case 'open':
      return;
  }
}

/**
 * The link as it is under its lock: still the link of this token, still open, the address still
 * allowed. Throws the reason otherwise (the link may have changed since the caller first looked).
 */
export function assertStillJoinable(
  locked: RegistrationLinkRow | null,
  tokenHash: string,
  email: string,
): asserts locked is RegistrationLinkRow {
  if (!locked) throw RegistrationLinkErrors.notFound();
  if (locked.token_hash !== tokenHash) throw RegistrationLinkErrors.rotated();
  assertOpen(locked);
  if (!isDomainAllowed(locked.allowed_domains, email)) {
    throw RegistrationLinkErrors.domainNotAllowed(locked.allowed_domains);
  }
}

export function settingsOf(row: RegistrationLinkRow): RegistrationLinkSettings {
  return {
    enabled: row.enabled,
    userType: row.user_type,
    expiresAt: row.expires_at?.toISOString() ?? null,
    maxUses: row.max_uses,
    allowedDomains: [...row.allowed_domains],
  };
}

/** What a Hub without a link row shows: disabled, with the defaults. */
export const DEFAULT_SETTINGS: RegistrationLinkSettings = {
  enabled: false,
  userType: 'EXTERNAL_MEMBER',
  expiresAt: null,
  maxUses: null,
  allowedDomains: [],
};

export function toRegistrationLinkView(
  hubId: string,
  row: RegistrationLinkRow | null,
  options: { canManage: boolean; url: string | null },
): RegistrationLinkView {
  const settings = row ? settingsOf(row) : DEFAULT_SETTINGS;
  return {
    hubId,
    enabled: settings.enabled,
    status: row ? linkStatus(row) : 'disabled',
    url: options.url,
    userType: settings.userType,
    expiresAt: settings.expiresAt,
    maxUses: settings.maxUses,
    useCount: row?.use_count ?? 0,
    allowedDomains: settings.allowedDomains,
    canManage: options.canManage,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

export function toRegistrationLinkPreview(row: RegistrationLinkRow): RegistrationLinkPreview {
  return {
    status: linkStatus(row),
    hubName: row.hub_name,
    userType: row.user_type,
    allowedDomains: [...row.allowed_domains],
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}
