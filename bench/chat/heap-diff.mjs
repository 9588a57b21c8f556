// What each added connection holds, from two V8 heap snapshots (bench/chat/idle-memory.mjs --snapshots):
//   node bench/chat/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> <connections added>
// prints the difference in self size and count per connection, by node type and constructor
// (strings by length), then closures by the script and position of their function.
import { readFileSync } from 'node:fs';

/** Self size and count by key, for every node of a snapshot; closures also by source position. */
export function summarize(file) {
  const { snapshot, nodes, edges, strings, locations } = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: nodeFields, edge_fields: edgeFields, node_types: [types], edge_types: [edgeTypes] } = snapshot.meta;
  const nf = nodeFields.length;
  const ef = edgeFields.length;
  const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((field) => nodeFields.indexOf(field));
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + EDGES] * ef;
  }
  firstEdge[count] = edges.length;
  const edgeTo = (node, name) => {
    for (let e = firstEdge[node]; e < firstEdge[node + 1]; e += ef) {
      const type = edgeTypes[edges[e]];
      if (type !== 'element' && type !== 'hidden' && strings[edges[e + 1]] === name) return edges[e + 2] / nf;
    }
    return -1;
  };
  const position = new Map();
  for (let k = 0; k < (locations?.length ?? 0); k += 4) position.set(locations[k] / nf, `${locations[k + 2] + 1}:${locations[k + 3]}`);
  const byKind = new Map();
  const closures = new Map();
  const add = (map, key, size) => {
    const entry = map.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += size;
    map.set(key, entry);
  };
  for (let i = 0; i < count; i++) {
    const type = types[nodes[i * nf + TYPE]];
    const size = nodes[i * nf + SIZE];
    const name = strings[nodes[i * nf + NAME]];
    const label = type === 'string' ? `string of ~${Math.round(size / 8) * 8} B` : type === 'number' || type === 'code' || type.endsWith(' string') ? `(${type})` : name.slice(0, 80);
    add(byKind, `${type}: ${label}`, size);
    if (type !== 'closure') continue;
    let script = '?';
    const shared = edgeTo(i, 'shared');
    const source = shared >= 0 ? edgeTo(shared, 'script_or_debug_info') : -1;
    const scriptName = source >= 0 ? edgeTo(source, 'name') : -1;
    if (scriptName >= 0) script = strings[nodes[scriptName * nf + NAME]].replace(/^file:\/\//, '').replace(/.*\/node_modules\/\.pnpm\/([^/]+)\/.*\/([^/]+)$/, '$1 $2');
    add(closures, `${name || '(anonymous)'} at ${script}:${position.get(i) ?? '?'}`, size);
  }
  return { byKind, closures };
}

/** Rows of (key, count per connection, bytes per connection), largest first. */
export function perConnection(before, after, added) {
  const rows = [];
  for (const [key, entry] of after) {
    const was = before.get(key) ?? { count: 0, size: 0 };
    rows.push({ key, count: (entry.count - was.count) / added, bytes: (entry.size - was.size) / added });
  }
  for (const [key, was] of before) if (!after.has(key)) rows.push({ key, count: -was.count / added, bytes: -was.size / added });
  return rows.sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [beforeFile, afterFile, added] = process.argv.slice(2);
  if (!added) throw new Error('usage: node bench/chat/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> <connections added>');
  const before = summarize(beforeFile);
  const after = summarize(afterFile);
  const kinds = perConnection(before.byKind, after.byKind, Number(added));
  process.stdout.write(`self size per added connection: ${Math.round(kinds.reduce((sum, row) => sum + row.bytes, 0))} B\n\n  bytes   count  node\n`);
  for (const row of kinds.filter((r) => Math.abs(r.bytes) >= 8).slice(0, 40)) process.stdout.write(`${row.bytes.toFixed(0).padStart(7)} ${row.count.toFixed(2).padStart(7)}  ${row.key}\n`);
  process.stdout.write('\nclosures per added connection (functions compiled by tsx are on line 1: the column tells them apart)\n');
  for (const row of perConnection(before.closures, after.closures, Number(added)).filter((r) => Math.abs(r.count) >= 0.2)) process.stdout.write(`${row.count.toFixed(2).padStart(7)}  ${row.key}\n`);
}
