import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The Ed25519 key that signs access tokens, and its public half as a JWK. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

export async function signingKeyFromPem(pem: string): Promise<SigningKey> {
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`JWT_PRIVATE_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
}

/**
 * Outside production only: the key kept under the data directory, generated on
 * first use. Production must pass JWT_PRIVATE_KEY (config refuses otherwise).
 */
export async function localSigningKey(dataDir: string): Promise<{ key: SigningKey; created: boolean }> {
  const file = path.resolve(dataDir, 'keys', 'jwt-ed25519.pem');
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { key: await signingKeyFromPem(readFileSync(file, 'utf8')), created };
}

/**
 * A keyed digest of a secret (HMAC-SHA-256 under a key derived from the
 * signing key, so every instance of a deployment computes the same one). For
 * comparing secrets without storing them: unlike a plain hash, nobody without
 * the key can test guesses against it.
 */
export function secretDigest(key: SigningKey, purpose: string, secret: string): string {
  const derived = Buffer.from(hkdfSync('sha256', key.privateKey.export({ format: 'der', type: 'pkcs8' }), Buffer.alloc(0), `nexus ${purpose}`, 32));
  return createHmac('sha256', derived).update(secret, 'utf8').digest('base64url');
}
