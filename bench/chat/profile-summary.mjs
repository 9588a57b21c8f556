// Summarises V8 CPU profiles (.cpuprofile, e.g. from `pnpm bench:chat --cpu-prof=DIR`): self time
// by function and by package, so it shows where a process's time goes.
//   node bench/chat/profile-summary.mjs DIR/CPU.*.cpuprofile [top=30]
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const byPackage = new Map();
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const intervals = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const node = nodes.get(id);
  const dt = intervals[i] ?? 0;
  total += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/wt\/[^/]+\//, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const pkg = !url ? `(${functionName})` : url.startsWith('node:') ? 'node:*' : (/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? where.split('/').slice(0, 2).join('/'));
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
});
const pct = (v) => `${((v / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('by package / folder:');
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v)}  ${k}`);
console.log('by function (self):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`  ${pct(v)}  ${k}`);
