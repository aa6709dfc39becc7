// Lints Cypher statements with Neo4j's language-support package: its ANTLR
// parser (syntax errors) and Neo4j's own semantic analysis compiled to JS
// (undefined variables, type errors, wrong procedure YIELD columns, ...).
//
// stdin:  a JSON array of {"name": ..., "text": ...}, or an object
//         {"schema": {...}, "statements": [...]} whose schema (labels,
//         relationshipTypes, propertyKeys, graphSchema) replaces the defaults.
// stdout: a JSON array of {"name", "severity", "message", "line", "column"}
//         (line and column 1-based; severity "error", "warning", "info" or
//         "hint"). Exit code 0 whatever the findings: the caller decides.
//         Exit code 2 only when the input itself cannot be read.
//
// Neo4j's semantic analysis costs about 0.1 s per statement; worker threads
// were tried and did not pay for their start-up on two cores.
//
// Which findings are errors is the package's own decision, with two changes:
// - "Parameter $x is not defined." is dropped (the package's isNotParamError):
//   parameters come from the driver at run time, not from a schema.
// - more than one statement in one text is an error: the driver sends each
//   text as one query, and Neo4j rejects several.
// - a statement the package throws on is an error naming the exception.
// Warnings are reported but are not failures: labels or types the schema does
// not declare (they describe a database's contents, not the statement),
// Neo4j's performance notifications (e.g. a cartesian product) and
// deprecations, which Neo4j itself reports and then runs the statement anyway.
import { readFileSync } from 'node:fs';
import {
  isNotParamError,
  lintCypherQuery,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

// The Neo4j the store targets is Neo4j 5 (README), whose only language is Cypher 5.
const CYPHER_VERSION = 'CYPHER 5';

const DEFAULT_SCHEMA = {
  labels: ['Plan', 'Action', 'Project', 'Department', 'Indicator'],
  relationshipTypes: ['LEADS', 'SUPPORTS', 'TARGETS', 'CONTAINS', 'IMPLEMENTS', 'REFERS_TO'],
};

// Signatures of Neo4j's built-in functions and procedures, from the server
// listing the package ships as testData.mockSchema (Cypher 5 and 25). With
// them a misspelt function or procedure, a wrong argument count or a wrong
// YIELD column is an error. Plugins (APOC, GDS) are left out: the server we
// target has none, so a call into them must fail here too.
const PLUGINS = /^(apoc|gds)\./;

function builtIns(registry, keep) {
  const out = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries).filter(([name, entry]) => keep(name, entry)));
  }
  return out;
}

const FUNCTIONS = builtIns(testData.mockSchema.functions, (name, fn) => fn.isBuiltIn && !PLUGINS.test(name));
const PROCEDURES = builtIns(testData.mockSchema.procedures, (name) => !PLUGINS.test(name));

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function dbSchema(schema) {
  return {
    ...DEFAULT_SCHEMA,
    ...(schema ?? {}),
    functions: FUNCTIONS,
    procedures: PROCEDURES,
    defaultLanguage: CYPHER_VERSION,
  };
}

function lint({ name, text }, schema) {
  const found = [];
  if (typeof text !== 'string' || text.trim() === '') {
    return [{ name, severity: 'error', message: 'empty statement', line: 1, column: 1 }];
  }
  const statements = parseStatementsStrs(text);
  if (statements.length > 1) {
    found.push({
      name,
      severity: 'error',
      message: `${statements.length} statements separated by ';': the driver sends this text as one query, which must hold exactly one statement`,
      line: 1,
      column: 1,
    });
  }
  let diagnostics;
  try {
    ({ diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false }));
  } catch (e) {
    return [...found, { name, severity: 'error', message: `the linter failed: ${e?.stack ?? e}`, line: 1, column: 1 }];
  }
  for (const d of diagnostics.filter(isNotParamError)) {
    found.push({
      name,
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    });
  }
  return found;
}

function main() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    process.stderr.write(`lint.mjs: stdin is not JSON: ${e.message}\n`);
    process.exit(2);
  }
  const statements = Array.isArray(input) ? input : input?.statements;
  if (!Array.isArray(statements)) {
    process.stderr.write('lint.mjs: expected a JSON array of {"name", "text"} or {"statements": [...]}\n');
    process.exit(2);
  }
  const schema = dbSchema(Array.isArray(input) ? undefined : input.schema);
  const out = statements.flatMap((s) => lint(s, schema));
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

main();
