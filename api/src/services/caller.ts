import type { Role } from '../domain/users/roles.js';

/** Who asks a service for something: the authenticated user (the HTTP layer passes its AuthUser). */
export interface Caller {
  id: string;
  name: string;
  role: Role;
}

/** A caller together with the login session their access token belongs to. */
export interface SessionCaller extends Caller {
  sessionId: string;
}
