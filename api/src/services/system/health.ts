import type { AppDeps, HealthProbe } from '../../deps.js';

const PROBE_TIMEOUT_MS = 2_000;

/** Runs one dependency check with a time limit; a disabled probe says why instead. */
async function runProbe(probe: HealthProbe) {
  if (probe.disabledReason) {
    return { status: 'disabled' as const, required: probe.required, latencyMs: null, detail: probe.disabledReason };
  }
  const started = performance.now();
  try {
    await Promise.race([
      probe.check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS).unref()),
    ]);
    return {
      status: 'up' as const,
      required: probe.required,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(probe.detail ? { detail: probe.detail } : {}),
    };
  } catch (error) {
    return {
      status: 'down' as const,
      required: probe.required,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The health of this instance: every dependency's state with its measured
 * latency. `unhealthy` when a required dependency is down (the caller answers 503).
 */
export async function checkHealth(deps: Pick<AppDeps, 'healthProbes' | 'version' | 'startedAt'>) {
  const results = await Promise.all(deps.healthProbes.map(async (probe) => [probe.name, await runProbe(probe)] as const));
  const checks = Object.fromEntries(results);
  const body = {
    version: deps.version,
    uptimeSeconds: Math.floor((Date.now() - deps.startedAt.getTime()) / 1000),
    checks,
  };
  const requiredDown = results.filter(([, r]) => r.required && r.status === 'down').map(([name]) => name);
  const degraded = results.some(([, r]) => r.status === 'down');
  return { body, requiredDown, degraded };
}

/**
 * Readiness: whether a load balancer should send this instance work — not
 * while it drains for a shutdown, nor while a required dependency is down.
 * (Liveness is the process answering at all.)
 */
export async function checkReadiness(deps: Pick<AppDeps, 'healthProbes' | 'version' | 'startedAt' | 'lifecycle'>) {
  if (deps.lifecycle.draining) {
    return { ready: false as const, reason: 'draining' as const, body: { status: 'draining' as const, detail: 'This instance is shutting down; requests in flight are finishing.' } };
  }
  const { body, requiredDown } = await checkHealth(deps);
  if (requiredDown.length > 0) {
    return { ready: false as const, reason: 'dependency' as const, requiredDown, body: { status: 'unready' as const, detail: `Required dependency down: ${requiredDown.join(', ')}.`, ...body } };
  }
  return { ready: true as const, body: { status: 'ready' as const, ...body } };
}
