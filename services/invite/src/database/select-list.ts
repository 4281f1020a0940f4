/**
 * The select (or RETURNING) list that yields one row type: its plain columns and the expressions computed
 * from them (`computed` gets the column prefix), every one qualified by `alias` when given (UPDATE … FROM).
 */
export function selectList(
  plainColumns: readonly string[],
  alias: string | undefined,
  computed: (prefix: string) => string[] = () => [],
): string {
  const prefix = alias ? `${alias}.` : '';
  return [...plainColumns.map((column) => prefix + column), ...computed(prefix)].join(', ');
}
