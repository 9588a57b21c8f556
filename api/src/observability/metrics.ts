import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The API process's Prometheus metrics (prom-client), served on the
 * operations listener (METRICS_PORT, see ops-server.ts) — never on the public
 * API port, which keeps `/api/metrics` (business counts, part of the contract).
 * One registry per process; `createApiMetrics` is called once by runtime.ts.
 */
export interface ApiMetrics {
  registry: Registry;
  /** A request arrived (its headers); call the returned function when it is answered. */
  requestStarted(): () => void;
  /** One finished HTTP request: its operationId (`none` outside the contract), method, status and duration. */
  observeRequest(labels: { operation: string; method: string; status: number }, seconds: number): void;
  /** The DB pool's counts, read at each scrape (absent on the embedded database). */
  setPoolSource(source: () => { total: number; idle: number; waiting: number; max: number }): void;
  /** The job queue's depth and age, read at each scrape (by the process that runs jobs). */
  setJobQueueSource(source: () => Promise<{ kind: string; queued: number; processing: number; oldestQueuedSeconds: number }[]>): void;
  /** A background job ended in this process. */
  observeJob(labels: { kind: string; outcome: string }, seconds: number): void;
}

export function createApiMetrics(options: { role: string }): ApiMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'nexus-api', role: options.role });
  collectDefaultMetrics({ register: registry, prefix: 'nexus_' });

  const requests = new Counter({
    name: 'nexus_http_requests_total',
    help: 'HTTP requests answered, by operationId, method and status.',
    labelNames: ['operation', 'method', 'status'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'nexus_http_errors_total',
    help: 'HTTP requests answered with a 5xx status, by operationId and status (503: a dependency was down).',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'nexus_http_request_duration_seconds',
    help: 'Time from receiving a request to its response, by operationId and method.',
    labelNames: ['operation', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const inFlight = new Gauge({
    name: 'nexus_http_requests_in_flight',
    help: 'HTTP requests received and not yet answered (a drain waits for these).',
    registers: [registry],
  });

  let poolSource: (() => { total: number; idle: number; waiting: number; max: number }) | undefined;
  new Gauge({
    name: 'nexus_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, in use, max) and clients waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!poolSource) return;
      const pool = poolSource();
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'in_use' }, pool.total - pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
      this.set({ state: 'max' }, pool.max);
    },
  });

  type QueueRows = { kind: string; queued: number; processing: number; oldestQueuedSeconds: number }[];
  let queueSource: (() => Promise<QueueRows>) | undefined;
  // Both queue gauges are collected at once during a scrape: one read serves them.
  let queueRead: Promise<QueueRows | undefined> | undefined;
  const readQueue = () => {
    if (!queueSource) return Promise.resolve(undefined);
    queueRead ??= queueSource()
      .then((rows) => {
        queueScrapeFailed.set(0);
        return rows;
      })
      .catch(() => {
        // The database is down: the scrape still answers, with the failure flagged, rather than failing.
        queueScrapeFailed.set(1);
        return undefined;
      })
      .finally(() => setTimeout(() => (queueRead = undefined), 250).unref());
    return queueRead;
  };
  const queueScrapeFailed = new Gauge({
    name: 'nexus_job_queue_scrape_failed',
    help: '1 when the last read of the job queue for these metrics failed (database unavailable).',
    registers: [registry],
  });
  new Gauge({
    name: 'nexus_job_queue_depth',
    help: 'Jobs of the durable queue by kind and state (queued: due and unclaimed; processing: claimed).',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      if (!rows) return;
      this.reset();
      for (const row of rows) {
        this.set({ kind: row.kind, state: 'queued' }, row.queued);
        this.set({ kind: row.kind, state: 'processing' }, row.processing);
      }
    },
  });
  new Gauge({
    name: 'nexus_job_queue_oldest_age_seconds',
    help: 'Seconds the oldest due, unclaimed job of each kind has waited.',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      if (!rows) return;
      this.reset();
      for (const row of rows) this.set({ kind: row.kind }, row.oldestQueuedSeconds);
    },
  });
  const jobs = new Histogram({
    name: 'nexus_job_duration_seconds',
    help: 'Background jobs run by this process, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });

  return {
    registry,
    requestStarted() {
      inFlight.inc();
      let done = false;
      return () => {
        if (!done) inFlight.dec();
        done = true;
      };
    },
    observeRequest({ operation, method, status }, seconds) {
      requests.inc({ operation, method, status: String(status) });
      latency.observe({ operation, method }, seconds);
      if (status >= 500) errors.inc({ operation, status: String(status) });
    },
    setPoolSource(source) {
      poolSource = source;
    },
    setJobQueueSource(source) {
      queueSource = source;
    },
    observeJob(labels, seconds) {
      jobs.observe(labels, seconds);
    },
  };
}
