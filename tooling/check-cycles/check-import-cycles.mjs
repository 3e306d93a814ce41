#!/usr/bin/env node
// Fails when the relative imports of a package's sources form a cycle (issue 16: models had become one
// 21-file knot). Each package's `check:package` runs it on its own `src/`:
//   node ../../tooling/check-cycles/check-import-cycles.mjs src
// Every static `import`/`export … from` counts, type-only ones too: a type cycle is still a knot a reader
// must untie. Dynamic `import()` does not count (it runs later and is how a lazy dependency is written).
// Uses the TypeScript parser only, so it needs nothing beyond the repository's own devDependencies.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function listSources(folder) {
  const files = [];
  for (const entry of readdirSync(folder)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...listSources(path));
    else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

function resolveRelative(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => SOURCE.test(path) && existsSync(path) && statSync(path).isFile());
}

function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const targets = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    const isExport = ts.isExportDeclaration(statement);
    if (!isImport && !isExport) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolveRelative(file, specifier.text);
    if (target) targets.push(target);
  }
  return targets;
}

/** Tarjan's strongly connected components; every component of two or more files (or a self-import) is a cycle. */
function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/** One concrete loop inside a component, for the message. */
function exampleLoop(graph, component) {
  const members = new Set(component);
  const start = component[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const path = [];
        for (let at = node; at !== null; at = previous.get(at)) path.unshift(at);
        return [...path, start];
      }
      if (members.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const root = resolve(process.argv[2] ?? 'src');
const graph = new Map(listSources(root).map((file) => [file, importsOf(file)]));
const cycles = findCycles(graph);
if (cycles.length === 0) {
  console.log(`No import cycles in ${relative(process.cwd(), root) || '.'} (${graph.size} files).`);
} else {
  for (const component of cycles) {
    const loop = exampleLoop(graph, component).map((file) => relative(root, file));
    console.error(`Import cycle among ${component.length} file(s): ${loop.join(' -> ')}`);
  }
  console.error(`${cycles.length} import cycle(s) in ${relative(process.cwd(), root)}.`);
  process.exitCode = 1;
}
