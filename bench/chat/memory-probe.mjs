// Preload for bench/chat/idle-memory.mjs's gateway (`--import`, through NODE_OPTIONS): answers
// signals with what that script reads, into files under $MEMORY_PROBE_DIR.
//   SIGUSR2  a full garbage collection (as bench/chat/gc-on-signal.mjs)
//   SIGWINCH writes stats-<n>.json: process.memoryUsage() and V8's heap spaces
//   SIGHUP   two full collections, then a heap snapshot snapshot-<n>.heapsnapshot
// Each file is written whole under a temporary name and then renamed, so a reader sees it complete.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const dir = process.env.MEMORY_PROBE_DIR;
let written = 0;

function publish(name, extension, write) {
  const file = path.join(dir, `${name}-${written++}.${extension}`);
  write(`${file}.partial`);
  renameSync(`${file}.partial`, file);
}

process.on('SIGUSR2', () => gc());
process.on('SIGWINCH', () =>
  publish('stats', 'json', (file) =>
    writeFileSync(file, JSON.stringify({
      memory: process.memoryUsage(),
      spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { committed: s.physical_space_size, used: s.space_used_size }])),
    })),
  ),
);
process.on('SIGHUP', () => {
  gc();
  gc();
  publish('snapshot', 'heapsnapshot', (file) => writeHeapSnapshot(file));
});
