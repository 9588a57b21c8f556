import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const realKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://nexus:s3cr3t-from-vault@db.internal:5432/nexus',
  REDIS_URL: 'redis://default:another-real-one@cache.internal:6379/0',
  JWT_PRIVATE_KEY: realKey,
};

describe('configuration', () => {
  it('has safe defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 8002, ACCESS_TOKEN_TTL_SECONDS: 900 });
  });

  it('accepts a complete production environment', () => {
    expect(() => loadConfig(production)).not.toThrow();
  });

  it.each([
    ['a missing signing key', { JWT_PRIVATE_KEY: undefined }],
    ['a placeholder signing key', { JWT_PRIVATE_KEY: 'changeme' }],
    ['no database', { DATABASE_URL: undefined }],
    ['a placeholder database password', { DATABASE_URL: 'postgres://nexus:password@db:5432/nexus' }],
    ['no redis', { REDIS_URL: undefined }],
  ])('refuses to start in production with %s', (_, change) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(ConfigError);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });

  it('counts trusted proxies in hops (0 by default) and refuses the old TRUST_PROXY switch', () => {
    expect(loadConfig({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(loadConfig({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => loadConfig({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => loadConfig({ TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY was replaced by TRUSTED_PROXY_HOPS/);
  });

  it('reads an empty numeric variable (`PORT=` in an env file) as unset, not as 0', () => {
    const config = loadConfig({ PORT: '', QUOTE_EXPIRY_SWEEP_SECONDS: ' ', PUBLIC_STATS_CACHE_SECONDS: '', METRICS_PORT: '' });
    expect(config).toMatchObject({ PORT: 8002, QUOTE_EXPIRY_SWEEP_SECONDS: 60, PUBLIC_STATS_CACHE_SECONDS: 5 });
    expect(config.METRICS_PORT).toBeUndefined();
    expect(loadConfig({ PORT: '0', METRICS_PORT: '9464' })).toMatchObject({ PORT: 0, METRICS_PORT: 9464 });
    expect(() => loadConfig({ JOBS_CONCURRENCY: '2.5' })).toThrow(/JOBS_CONCURRENCY/);
  });
});
