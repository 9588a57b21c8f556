// Preload for the bench's server processes (`--import`, through NODE_OPTIONS): a full garbage
// collection on SIGUSR2, so that memory per idle connection is read after garbage is gone.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGUSR2', () => gc());
