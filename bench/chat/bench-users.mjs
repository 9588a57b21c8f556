/**
 * Inserts `count` sales users `bench-<i>@bench.invalid` (i = 1…count) in one statement, with the
 * password of the API's first admin (its hash copied: bench data), so that each can log in
 * through the real `POST /api/auth/login`. Used by bench:chat and its helper scripts.
 */
export function insertBenchUsers(db, adminEmail, count) {
  return db.query(
    `insert into users (email, name, role, password_hash)
     select 'bench-' || i || '@bench.invalid', 'Bench user ' || i, 'sales', (select password_hash from users where lower(email) = lower($1))
     from generate_series(1, $2::int) as i`,
    [adminEmail, count],
  );
}
