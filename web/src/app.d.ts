import type { NexusClient, User } from '@nexus/sdk';
import type { Session } from '$lib/server/session';

declare global {
  namespace App {
    interface Locals {
      /** The SDK, acting for the signed-in user (or anonymously: public operations only). */
      api: NexusClient;
      /** The tokens in this request's cookies; refreshes and ends them. */
      session: Session;
    }
    interface PageData {
      /** The signed-in user, or null for a visitor. */
      user: User | null;
    }
    /** What an error page shows: the problem's title and detail, never a stack. */
    interface Error {
      message: string;
      detail?: string;
      requestId?: string;
    }
  }
}

export {};
