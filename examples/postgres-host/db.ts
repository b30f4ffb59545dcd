/*
 * The database handle of the Postgres host: a real server through `pg` when a connection string is
 * given (DATABASE_URL), otherwise PGlite, Postgres compiled to WebAssembly, in this process. Both
 * speak the same SQL; the store only needs `query` and `transaction`.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Runs one statement. */
export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; affectedRows: number }>;
}

/** A database: statements, transactions, and closing. */
export interface Db extends Queryable {
  /** `embedded` (PGlite) or `server` (pg). */
  readonly kind: "embedded" | "server";
  /** Runs `fn` in a transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// connection string; PGlite in memory when absent. */
  url?: string | undefined;
  /** A schema to create and use (its tables are isolated from other runs); `public` when absent. */
  schema?: string;
  /** Pool size for a server (default 10). */
  max?: number;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

export async function openDatabase(options: OpenOptions = {}): Promise<Db> {
  const schema = options.schema;
  if (schema !== undefined && !identifier.test(schema))
    throw new Error(`openDatabase: bad schema name ${schema}`);
  if (options.url === undefined || options.url === "") {
    const lite = await PGlite.create();
    if (schema !== undefined)
      await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
    const wrap = (q: { query: PGlite["query"] }): Queryable => ({
      async query<T>(sql: string, params: unknown[] = []) {
        const result = await q.query<T>(sql, params);
        return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
      },
    });
    return {
      kind: "embedded",
      ...wrap(lite),
      transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
      close: () => lite.close(),
    };
  }
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await q.query(sql, params);
      return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
    },
  });
  return {
    kind: "server",
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          broken = rollbackError;
        }
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is not returned to the pool.
        client.release(broken as Error | undefined);
      }
    },
    close: () => pool.end(),
  };
}

/** Drops a schema made by `openDatabase({ schema })` (tests and benches clean up after themselves). */
export async function dropSchema(db: Db, schema: string): Promise<void> {
  if (!identifier.test(schema)) throw new Error(`dropSchema: bad schema name ${schema}`);
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
