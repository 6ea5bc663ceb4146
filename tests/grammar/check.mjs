// Parses every PowerShell file (.ps1, .psm1, .psd1) under a repository root with the
// tree-sitter PowerShell grammar and exits 1 if any has a syntax error, naming the file,
// line and column of each error. There is no pwsh on the build machines, so this is
// the real-grammar check for scripts, manifests and Pester suites.
//
//   npm ci --prefix tests/grammar     (once; installs the two pinned packages)
//   node tests/grammar/check.mjs <repository root>
import { readFileSync, readdirSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const Extensions = ['.ps1', '.psm1', '.psd1'];

// Build output, dependencies and VCS data hold no sources of ours.
const Skipped = new Set(['.git', 'node_modules', 'bin', 'obj', 'out', 'artifacts', 'TestResults']);

function* powerShellFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!Skipped.has(entry.name)) yield* powerShellFiles(join(dir, entry.name));
    } else if (Extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      yield join(dir, entry.name);
    }
  }
}

// The first few ERROR or MISSING nodes, as "line:column what".
function errorsOf(node, found = []) {
  if (found.length >= 5) return found;
  if (node.isError || node.isMissing) {
    const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
    found.push(`${where} ${node.isMissing ? `missing ${node.type}` : `unexpected '${node.text.slice(0, 40).replace(/\s+/g, ' ')}'`}`);
    return found;
  }
  for (const child of node.children) {
    if (child.hasError || child.isMissing) errorsOf(child, found);
  }
  return found;
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node check.mjs <repository root>');
  process.exit(2);
}

// The grammar is a large WebAssembly module parsed against a few files: compiling it
// with the baseline compiler only takes well under a second, where optimizing it takes
// many seconds of CPU (minutes on a loaded machine).
setFlagsFromString('--liftoff-only');

await Parser.init();
const require = createRequire(import.meta.url);
const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(language);

let failed = 0;
let count = 0;
for (const file of powerShellFiles(root)) {
  count++;
  // A byte-order mark is valid PowerShell but not part of the grammar.
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tree = parser.parse(text);
  if (tree.rootNode.hasError) {
    failed++;
    console.log(`FAIL ${relative(root, file)}`);
    for (const error of errorsOf(tree.rootNode)) console.log(`     ${error}`);
  } else {
    console.log(`ok   ${relative(root, file)}`);
  }
  tree.delete();
}

console.log(`${count - failed} passed, ${failed} failed`);
process.exit(failed === 0 && count > 0 ? 0 : 1);
