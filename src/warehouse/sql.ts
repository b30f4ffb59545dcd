/*
 * The SQL of the warehouse pack, generated from the declarations (declarations.ts).
 *
 * BigQuery (https://cloud.google.com/bigquery/docs/user-defined-functions#javascript-udf-structure,
 * https://cloud.google.com/bigquery/docs/user-defined-aggregates): every function loads the one
 * library file from Cloud Storage with `OPTIONS (library = [...])`, which defines the global
 * `touchpoint`; scalar bodies call it, aggregate bodies export the UDAF protocol's four functions
 * (initialState, aggregate, merge, finalize) over the library's aggregate, whose state is plain JSON,
 * so no serialize/deserialize is needed.
 *
 * Snowflake (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-introduction,
 * .../udf-javascript-tabular-functions, .../udf-javascript-limitations): a JavaScript function cannot
 * import a file, so each body carries its own bundle, tree-shaken to what that function uses, and
 * evaluates it once per JavaScript environment behind a `typeof` guard on a global (Snowflake keeps
 * globals between rows, and evaluates the body for every row). Snowflake documents user-defined
 * aggregate functions for Python only; JavaScript aggregates are table functions (UDTFs) called
 * `OVER (PARTITION BY ...)`: `initialize` starts a state per partition, `processRow` folds each row,
 * `finalize` writes one row with the result and the state, and a `_MERGE` table function folds such
 * states, so partial results (per day, per shard) roll up without the raw rows.
 */
import {
  type AggregateDeclaration,
  type Dialect,
  declarations,
  type FunctionDeclaration,
} from "./declarations.js";

/** What the BigQuery SQL needs. */
export interface BigQuerySqlOptions {
  /** `project.dataset` (or `dataset`) the functions are created in. */
  prefix: string;
  /** Where the library file is in Cloud Storage, `gs://bucket/path/touchpoint-warehouse.js`. */
  libraryUri: string;
}

/** What the Snowflake SQL needs. */
export interface SnowflakeSqlOptions {
  /** `DATABASE.SCHEMA` (or `SCHEMA`) the functions are created in. */
  prefix: string;
  /** The self-contained bundle of each function, by SQL name: an IIFE script that sets `var touchpoint`. */
  bundles: Readonly<Record<string, string>>;
  /** The package version, part of the global each body caches its bundle in. */
  version: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){0,2}$/;

function checkPrefix(prefix: string, dialect: Dialect): void {
  if (!IDENTIFIER.test(prefix))
    throw new Error(
      `${dialect}: prefix: expected ${dialect === "bigquery" ? "project.dataset" : "DATABASE.SCHEMA"} (letters, digits, _ and -), got ${JSON.stringify(prefix)}`,
    );
}

const sqlString = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
const bigQueryString = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The JavaScript expression of an aggregate's value from the call's arguments. */
function aggregateValue(d: AggregateDeclaration, arg: (name: string) => string): string {
  if (d.args.length === 1) return arg(d.args[0]!.name);
  return `{ ${d.args.map((a) => `${a.field ?? a.name}: ${arg(a.name)}`).join(", ")} }`;
}

function header(d: FunctionDeclaration, dialect: Dialect): string {
  const lines = [`-- ${d.name}: ${d.comment}`];
  for (const a of d.args) lines.push(`--   ${a.name} ${a.type[dialect]}: ${a.comment}`);
  return lines.join("\n");
}

function bigQueryFunction(d: FunctionDeclaration, o: BigQuerySqlOptions): string {
  const name = `\`${o.prefix}.${d.name}\``;
  const args = d.args.map((a) => `${a.name} ${a.type.bigquery}`).join(", ");
  const options = `OPTIONS (library = [${bigQueryString(o.libraryUri)}], description = ${bigQueryString(d.comment)})`;
  const out = (expr: string) => (d.json ? `JSON.stringify(${expr})` : expr);
  if (d.kind === "scalar") {
    const call = `touchpoint.${d.call}(${d.args.map((a) => a.name).join(", ")})`;
    const body = d.json
      ? `var result = ${call};\nreturn result === null ? null : ${out("result")};`
      : `return ${call};`;
    return `${header(d, "bigquery")}
CREATE OR REPLACE FUNCTION ${name}(${args})
RETURNS ${d.returns.bigquery}
DETERMINISTIC
LANGUAGE js
${options}
AS r"""
${body}
""";`;
  }
  const params = d.args.map((a) => a.name).join(", ");
  return `${header(d, "bigquery")}
CREATE OR REPLACE AGGREGATE FUNCTION ${name}(${args})
RETURNS ${d.returns.bigquery}
LANGUAGE js
${options}
AS r"""
const udaf = touchpoint.aggregates.${d.aggregate}();
export function initialState() {
  return udaf.initialState();
}
export function aggregate(state, ${params}) {
  udaf.aggregate(state, ${aggregateValue(d, (n) => n)});
}
export function merge(state, partialState) {
  udaf.merge(state, partialState);
}
export function finalize(state) {
  const result = udaf.finalize(state);
  return result === null ? null : ${out("result")};
}
""";`;
}

/** The BigQuery SQL that creates every function of the pack. */
export function bigQuerySql(options: BigQuerySqlOptions): string {
  checkPrefix(options.prefix, "bigquery");
  if (!/^gs:\/\/[^\s"\\]+\.js$/.test(options.libraryUri))
    throw new Error(
      `bigquery: libraryUri: expected gs://bucket/path/file.js, got ${JSON.stringify(options.libraryUri)}`,
    );
  return `-- touchpoint warehouse pack for BigQuery: ${declarations.length} functions.
-- Upload touchpoint-warehouse.js to ${options.libraryUri} first.

${declarations.map((d) => bigQueryFunction(d, options)).join("\n\n")}
`;
}

/**
 * A Snowflake function body: between `$$` delimiters, or, when the code itself contains `$$`, as a
 * single-quoted string with its backslashes and quotes escaped (Snowflake reads `\\` and `\'`).
 */
function snowflakeBody(code: string): string {
  if (!code.includes("$$")) return `$$\n${code}\n$$`;
  return sqlString(code);
}

/** The name of the global a Snowflake body caches its bundle in. */
export function snowflakeGlobal(name: string, version: string): string {
  return `__${name}_${version.replace(/[^A-Za-z0-9]/g, "_")}`;
}

function snowflakeLoader(d: FunctionDeclaration, o: SnowflakeSqlOptions): string {
  const bundle = o.bundles[d.name];
  if (bundle === undefined) throw new Error(`snowflake: no bundle for ${d.name}`);
  const g = `globalThis.${snowflakeGlobal(d.name, o.version)}`;
  return `if (typeof ${g} === "undefined") {
  ${g} = (function () {
${bundle.trim()}
return touchpoint;
  })();
}`;
}

function snowflakeFunctions(d: FunctionDeclaration, o: SnowflakeSqlOptions): string[] {
  const name = `${o.prefix}.${d.name.toUpperCase()}`;
  const args = d.args.map((a) => `${a.name.toUpperCase()} ${a.type.snowflake}`).join(", ");
  const g = `globalThis.${snowflakeGlobal(d.name, o.version)}`;
  if (d.kind === "scalar") {
    return [
      `${header(d, "snowflake")}
CREATE OR REPLACE FUNCTION ${name}(${args})
RETURNS ${d.returns.snowflake}
LANGUAGE JAVASCRIPT
IMMUTABLE
COMMENT = ${sqlString(d.comment)}
AS ${snowflakeBody(`${snowflakeLoader(d, o)}
return ${g}.${d.call}(${d.args.map((a) => a.name.toUpperCase()).join(", ")});`)};`,
    ];
  }
  const table = "RETURNS TABLE (GROUP_KEY VARCHAR, RESULT VARIANT, STATE VARIANT)";
  const udtf = (
    suffix: string,
    udtfArgs: string,
    fold: string,
    comment: string,
  ) => `CREATE OR REPLACE FUNCTION ${name}${suffix}(${udtfArgs})
${table}
LANGUAGE JAVASCRIPT
COMMENT = ${sqlString(comment)}
AS ${snowflakeBody(`{
  initialize: function (argumentInfo, context) {
${snowflakeLoader(d, o)
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
    this.udaf = ${g}.aggregates.${d.aggregate}();
    this.state = this.udaf.initialState();
    this.key = null;
  },
  processRow: function (row, rowWriter, context) {
    this.key = row.GROUP_KEY;
    ${fold}
  },
  finalize: function (rowWriter, context) {
    rowWriter.writeRow({ GROUP_KEY: this.key, RESULT: this.udaf.finalize(this.state), STATE: this.state });
  }
}`)};`;
  return [
    `${header(d, "snowflake")}
--   Call as TABLE(${name}(key, ...) OVER (PARTITION BY key)); one row per partition.
${udtf(
  "",
  `GROUP_KEY VARCHAR, ${args}`,
  `this.udaf.aggregate(this.state, ${aggregateValue(d, (n) => `row.${n.toUpperCase()}`)});`,
  `${d.comment} One row per partition: GROUP_KEY, RESULT and the mergeable STATE.`,
)}`,
    `-- ${d.name}_merge: folds STATE values of ${d.name} (per day, per shard) into one result per partition.
${udtf(
  "_MERGE",
  "GROUP_KEY VARCHAR, STATE VARIANT",
  "this.udaf.merge(this.state, row.STATE);",
  `Merges states written by ${d.name.toUpperCase()}: one row per partition with GROUP_KEY, RESULT and STATE.`,
)}`,
  ];
}

/** The Snowflake SQL that creates every function of the pack (aggregates as UDTF pairs). */
export function snowflakeSql(options: SnowflakeSqlOptions): string {
  checkPrefix(options.prefix, "snowflake");
  return `-- touchpoint warehouse pack for Snowflake: ${declarations.length} functions (aggregates as table functions, each with a _MERGE).

${declarations.flatMap((d) => snowflakeFunctions(d, options)).join("\n\n")}
`;
}

/**
 * The entry module of one function's Snowflake bundle: only the runtime export it calls, so
 * tree-shaking leaves out the rest. `runtime` is the import path of src/warehouse/runtime.ts.
 */
export function bundleEntry(d: FunctionDeclaration, runtime: string): string {
  if (d.kind === "scalar") return `export { ${d.call} } from ${JSON.stringify(runtime)};`;
  return `import { ${d.aggregate}Udaf } from ${JSON.stringify(runtime)};\nexport const aggregates = { ${d.aggregate}: ${d.aggregate}Udaf };`;
}
