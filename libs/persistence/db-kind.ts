/**
 * Which database engine this process talks to. Decided once from the environment (DB_TYPE), because column
 * decorators (money, timestamps) are evaluated when entity files load, before Nest's config exists.
 * `sqlite` (embedded default) or `mariadb` / `mysql`.
 */
export type DbKind = 'sqlite' | 'mysql';

export function dbKind(): DbKind {
  const t = (process.env.DB_TYPE ?? 'sqlite').toLowerCase();
  return t === 'mysql' || t === 'mariadb' ? 'mysql' : 'sqlite';
}
