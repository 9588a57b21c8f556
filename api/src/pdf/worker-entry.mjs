// Entry of a worker thread that runs a TypeScript (or compiled) module: the API
// runs from source through tsx, whose loader does not reach new threads, so it
// is registered here first. Plain JavaScript and no types: this file is loaded
// as is.
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
