/**
 * A stand-in for the JavaScript environments of BigQuery and Snowflake, to run the warehouse pack's
 * SQL without a warehouse (tests and benches).
 *
 * Each warehouse runs function bodies in a bare V8 context: the language's built-ins, no `require`,
 * no `process`, no timers, no module loader, no network. Here that is a `node:vm` context created
 * from an empty object, with nothing added. The functions are read from the generated SQL text, as
 * the warehouse reads them, and called the way each warehouse documents:
 *
 * - BigQuery (https://cloud.google.com/bigquery/docs/user-defined-functions,
 *   https://cloud.google.com/bigquery/docs/user-defined-aggregates): the library files of
 *   `OPTIONS (library = [...])` are loaded into the context first; a scalar body is the body of a
 *   function of the declared arguments; an aggregate body is a module exporting initialState,
 *   aggregate, merge and finalize, run on several workers (each its own context) whose partial states
 *   travel as JSON to be merged. TIMESTAMP arguments arrive as Date, FLOAT64 as number.
 * - Snowflake (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-introduction,
 *   .../udf-javascript-tabular-functions): arguments are upper-case names inside the body; the body is
 *   run for every row, in a context whose globals may survive between rows; a table function's body
 *   is an object literal whose initialize / processRow / finalize are called per partition with
 *   `this` the object, and whose rows are written with `rowWriter.writeRow`; VARIANT values cross as
 *   JSON.
 *
 * The SQL is parsed with the exact layout src/warehouse/sql.ts writes; a statement it cannot read is
 * an error, never skipped.
 */
import vm from "node:vm";

/** One function read from the SQL. */
export interface SqlFunction {
  /** The name without the prefix, lower case (`tp_nps`, `tp_nps_merge`). */
  name: string;
  kind: "scalar" | "aggregate" | "table";
  args: { name: string; type: string }[];
  /** The return type, or the table's columns. */
  returns: string;
  /** The JavaScript body. */
  body: string;
  /** The library files the function loads (BigQuery). */
  libraries: string[];
}

const BIGQUERY =
  /CREATE OR REPLACE (AGGREGATE )?FUNCTION `([^`]+)`\(([^)]*)\)\nRETURNS (\S+)\n(?:DETERMINISTIC\n)?LANGUAGE js\nOPTIONS \(library = \[([^\]]*)\], description = "(?:[^"\\]|\\.)*"\)\nAS r"""\n([\s\S]*?)\n""";/g;
const SNOWFLAKE =
  /CREATE OR REPLACE FUNCTION (\S+)\(([^)]*)\)\nRETURNS (TABLE \([^)]*\)|\S+)\nLANGUAGE JAVASCRIPT\n(?:IMMUTABLE\n)?COMMENT = '(?:[^'\\]|\\.)*'\nAS (?:\$\$\n([\s\S]*?)\n\$\$|'((?:[^'\\]|\\.)*)');/g;

function argsOf(text: string): { name: string; type: string }[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const [name, type] = part.trim().split(/\s+/) as [string, string];
    return { name, type };
  });
}

function shortName(qualified: string): string {
  return (qualified.split(".").pop() as string).toLowerCase();
}

/** Reads every CREATE FUNCTION of the pack's SQL; throws if any statement is left unread. */
export function parseFunctions(sql: string, dialect: "bigquery" | "snowflake"): SqlFunction[] {
  const out: SqlFunction[] = [];
  const statements = (sql.match(/^CREATE /gm) ?? []).length;
  if (dialect === "bigquery") {
    for (const m of sql.matchAll(BIGQUERY)) {
      out.push({
        name: shortName(m[2] as string),
        kind: m[1] ? "aggregate" : "scalar",
        args: argsOf(m[3] as string),
        returns: m[4] as string,
        libraries: [...(m[5] as string).matchAll(/"([^"]+)"/g)].map((l) => l[1] as string),
        body: m[6] as string,
      });
    }
  } else {
    for (const m of sql.matchAll(SNOWFLAKE)) {
      const returns = m[3] as string;
      const body = m[4] ?? (m[5] as string).replace(/\\(.)/g, "$1");
      out.push({
        name: shortName(m[1] as string),
        kind: returns.startsWith("TABLE") ? "table" : "scalar",
        args: argsOf(m[2] as string),
        returns,
        libraries: [],
        body,
      });
    }
  }
  if (out.length !== statements)
    throw new Error(`parseFunctions: read ${out.length} of ${statements} ${dialect} CREATE statements`);
  return out;
}

/** A bare context: the JavaScript built-ins and nothing else. */
export function bareContext(): vm.Context {
  return vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
}

/** The context's own Date constructor and JSON.parse, looked up once per context. */
const realms = new WeakMap<vm.Context, { date: (t: number) => Date; parse: (s: string) => unknown }>();
function realmOf(context: vm.Context) {
  let realm = realms.get(context);
  if (realm === undefined) {
    realm = {
      date: vm.runInContext("(t) => new Date(t)", context) as (t: number) => Date,
      parse: vm.runInContext("JSON.parse", context) as (s: string) => unknown,
    };
    realms.set(context, realm);
  }
  return realm;
}

/** What each warehouse converts a SQL value to before JavaScript sees it. */
function toJs(context: vm.Context, type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith("TIMESTAMP")) {
    const t =
      value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(String(value));
    return realmOf(context).date(t);
  }
  if (type === "VARIANT") return realmOf(context).parse(JSON.stringify(value));
  return value;
}

/** Checks a returned value against the declared SQL type, as the warehouse's conversion would. */
function fromJs(fn: string, type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const bad = (expected: string) => {
    throw new Error(
      `${fn}: returned ${typeof value} ${String(value).slice(0, 80)} for ${type} (expected ${expected})`,
    );
  };
  if (type === "STRING" || type === "VARCHAR") {
    if (typeof value !== "string") bad("a string");
    return value;
  }
  if (type === "FLOAT64" || type === "FLOAT") {
    if (typeof value !== "number") bad("a number");
    return value;
  }
  if (type === "VARIANT") return JSON.parse(JSON.stringify(value));
  return value;
}

function compile<T>(context: vm.Context, code: string, filename: string): T {
  return new vm.Script(code, { filename }).runInContext(context) as T;
}

/** The function `name` of `kind` among a sandbox's functions. */
function functionOf(
  sandbox: string,
  functions: Map<string, SqlFunction>,
  name: string,
  kind: SqlFunction["kind"],
): SqlFunction {
  const f = functions.get(name);
  if (f === undefined || f.kind !== kind) throw new Error(`${sandbox}: no ${kind} function ${name}`);
  return f;
}

/**
 * A scalar function's body compiled in `context` as the warehouse wraps it (a function of the
 * declared arguments), called with SQL values converted both ways.
 */
function scalarOf(name: string, f: SqlFunction, context: vm.Context): (...args: unknown[]) => unknown {
  const fn = compile<(...a: unknown[]) => unknown>(
    context,
    `(function (${f.args.map((a) => a.name).join(", ")}) {\n${f.body}\n})`,
    `${name}.js`,
  );
  return (...args) => fromJs(name, f.returns, fn(...f.args.map((a, i) => toJs(context, a.type, args[i]))));
}

/** The four functions of a BigQuery JavaScript UDAF, as one worker holds them. */
export interface UdafFunctions {
  initialState(): unknown;
  aggregate(state: unknown, ...args: unknown[]): unknown;
  merge(state: unknown, partialState: unknown): unknown;
  finalize(state: unknown): unknown;
}

/** BigQuery's JavaScript environment for the pack. */
export class BigQuerySandbox {
  readonly functions: Map<string, SqlFunction>;
  readonly #libraries: Readonly<Record<string, string>>;
  readonly #main: vm.Context;

  /** @param libraries - the library files' code by their `gs://` URI */
  constructor(sql: string, libraries: Readonly<Record<string, string>>) {
    this.functions = new Map(parseFunctions(sql, "bigquery").map((f) => [f.name, f]));
    this.#libraries = libraries;
    this.#main = this.worker();
  }

  readonly #pool: vm.Context[] = [];

  /** `n` workers, created on first use and kept, as a warehouse keeps its JavaScript environments. */
  workers(n: number): vm.Context[] {
    while (this.#pool.length < n) this.#pool.push(this.worker());
    return this.#pool.slice(0, n);
  }

  /** A fresh worker: a bare context with every library file loaded. */
  worker(): vm.Context {
    const context = bareContext();
    const uris = new Set([...this.functions.values()].flatMap((f) => f.libraries));
    for (const uri of uris) {
      const code = this.#libraries[uri];
      if (code === undefined) throw new Error(`BigQuerySandbox: no library file for ${uri}`);
      compile(context, code, uri);
    }
    return context;
  }

  #get(name: string, kind: SqlFunction["kind"]): SqlFunction {
    return functionOf("BigQuerySandbox", this.functions, name, kind);
  }

  /** A scalar function, callable with SQL values. */
  scalar(name: string, context: vm.Context = this.#main): (...args: unknown[]) => unknown {
    return scalarOf(name, this.#get(name, "scalar"), context);
  }

  /** An aggregate's exported functions in one worker; arguments are converted as for scalars. */
  udaf(name: string, context: vm.Context = this.worker()): UdafFunctions {
    const f = this.#get(name, "aggregate");
    const exported = [...f.body.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    if (exported.join() !== "initialState,aggregate,merge,finalize")
      throw new Error(`BigQuerySandbox: ${name} exports ${exported.join(", ")}`);
    const module = compile<UdafFunctions>(
      context,
      `(function () {\n${f.body.replace(/^export function /gm, "function ")}\nreturn { initialState, aggregate, merge, finalize };\n})()`,
      `${name}.mjs`,
    );
    const { parse } = realmOf(context);
    return {
      initialState: () => module.initialState(),
      aggregate: (state, ...args) =>
        module.aggregate(state, ...f.args.map((a, i) => toJs(context, a.type, args[i]))),
      // Partial states arrive serialised from another worker.
      merge: (state, partial) => module.merge(state, parse(JSON.stringify(partial))),
      finalize: (state) => fromJs(name, f.returns, module.finalize(state)),
    };
  }
}

/** Snowflake's JavaScript environment for the pack. */
export class SnowflakeSandbox {
  readonly functions: Map<string, SqlFunction>;
  readonly #context: vm.Context;

  constructor(sql: string) {
    this.functions = new Map(parseFunctions(sql, "snowflake").map((f) => [f.name, f]));
    this.#context = bareContext();
  }

  #get(name: string, kind: SqlFunction["kind"]): SqlFunction {
    return functionOf("SnowflakeSandbox", this.functions, name, kind);
  }

  /** A scalar function; its whole body runs at every call, in a context shared by the calls. */
  scalar(name: string, context: vm.Context = this.#context): (...args: unknown[]) => unknown {
    return scalarOf(name, this.#get(name, "scalar"), context);
  }

  /**
   * Calls a table function over partitions: rows are objects keyed by the argument names (any case).
   * Returns the rows written, VARIANT columns round-tripped through JSON.
   */
  table(
    name: string,
    partitions: readonly (readonly Record<string, unknown>[])[],
    context: vm.Context = this.#context,
  ) {
    const f = this.#get(name, "table");
    const columns = [...f.returns.matchAll(/(\w+) (\w+)/g)].map((m) => ({
      name: m[1] as string,
      type: m[2] as string,
    }));
    const out: Record<string, unknown>[] = [];
    const writer = {
      writeRow: (row: Record<string, unknown>) => {
        const written: Record<string, unknown> = {};
        for (const key of Object.keys(row))
          if (!columns.some((c) => c.name === key)) throw new Error(`${name}: wrote unknown column ${key}`);
        for (const c of columns) written[c.name] = fromJs(name, c.type, row[c.name]);
        out.push(written);
      },
    };
    for (const partition of partitions) {
      const handler = compile<Record<string, (...a: unknown[]) => void>>(
        context,
        `(${f.body})`,
        `${name}.js`,
      );
      const argumentInfo = Object.fromEntries(f.args.map((a) => [a.name, { type: a.type }]));
      handler.initialize?.call(handler, argumentInfo, {});
      for (const row of partition) {
        const upper = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v]));
        const jsRow = Object.fromEntries(f.args.map((a) => [a.name, toJs(context, a.type, upper[a.name])]));
        handler.processRow?.call(handler, jsRow, writer, {});
      }
      handler.finalize?.call(handler, writer, {});
    }
    return out;
  }
}
