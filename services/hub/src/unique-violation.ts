/** PostgreSQL's unique_violation, as TypeORM surfaces it. */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } } | null)?.driverError?.code ??
    (error as { code?: string } | null)?.code;
  return code === '23505';
}
