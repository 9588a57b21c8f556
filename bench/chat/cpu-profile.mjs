// Preload (`node --import ./bench/chat/cpu-profile.mjs`, through NODE_OPTIONS, where --cpu-prof is
// not allowed): profiles the whole process with the V8 sampling profiler and writes
// `<pid>.cpuprofile` into BENCH_CPU_PROFILE_DIR when the process exits on its own (not on SIGKILL).
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-thread session answers synchronously, so this runs before the process is gone.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${path.basename(process.argv[1] ?? 'node')}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  // The bench SIGKILLs one gateway in its storm: it asks for that one's profile first (SIGHUP), so the
  // gateway holding the senders is profiled too.
  process.on('SIGHUP', write);
}
