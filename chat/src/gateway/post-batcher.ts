import { isNexusError, problemErrorFrom, type Message, type NexusClient } from '@nexus/sdk';
import { callsAs } from '../upgrade/authenticate.js';

/** One user's send, with the token it is posted as. */
export interface Post {
  accessToken: string;
  conversationId: string;
  text: string;
  clientMessageId: string;
}

export interface PostBatcherOptions {
  /** Most batches waiting for the API at once. */
  maxInFlight: number;
  /** Most posts in one batch (the API's limit: MESSAGE_BATCH_MAX_ITEMS). */
  maxItems: number;
  /** Most bytes of posts in one batch (a post larger than this goes alone): well below the API's BODY_LIMIT_BYTES. */
  maxBytes: number;
  /** Told the size of each batch as it is sent (the gateway's metrics). */
  onBatch?: ((posts: number) => void) | undefined;
}

interface Queued {
  post: Post;
  /** The post's JSON, in bytes. */
  bytes: number;
  resolve: (message: Message) => void;
  reject: (error: unknown) => void;
}

/**
 * Whole-batch answers that a post alone would not get: an API without the batch operation (404), one item
 * that fails validation (400), or a batch larger than the API's BODY_LIMIT_BYTES (413).
 */
const answerAlone = (error: unknown) =>
  isNexusError(error) && (error.kind === 'validation' || error.kind === 'not-found' || (error.kind === 'http' && error.status === 413));

/**
 * The gateway's posts to the API, its users' sends gathered into
 * `postMessageBatch` calls: one request, one statement and one round of
 * publishes for what arrived while the previous batches were answered. A
 * lone send goes at once (on the next turn of the event loop), so batching
 * adds no wait; under load the batches grow by themselves.
 *
 * Each post is answered as `postMessage` would answer it: the stored message
 * (also for a resend of its `clientMessageId`), or the SDK's error for its own
 * refusal (401, 404, …) or for the whole call's (network, 503, …).
 */
export function createPostBatcher(api: NexusClient, options: PostBatcherOptions) {
  let queue: Queued[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= options.maxInFlight || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  function flush(): void {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      let count = 0;
      let bytes = 0;
      while (count < queue.length && count < options.maxItems && (count === 0 || bytes + queue[count]!.bytes <= options.maxBytes)) {
        bytes += queue[count]!.bytes;
        count += 1;
      }
      const batch = count === queue.length ? queue : queue.slice(0, count);
      queue = batch === queue ? [] : queue.slice(count);
      inFlight += 1;
      void send(batch).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  }

  async function send(batch: Queued[]): Promise<void> {
    options.onBatch?.(batch.length);
    let results;
    try {
      ({ data: { results } } = await api.call('postMessageBatch', { body: { items: batch.map((queued) => queued.post) } }));
    } catch (error) {
      if (answerAlone(error)) return void (await Promise.all(batch.map(postAlone)));
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, index) => {
      const result = results[index];
      if (!result) return queued.reject(new Error(`postMessageBatch answered ${results.length} results for ${batch.length} items`));
      if ('message' in result) return queued.resolve(result.message);
      queued.reject(problemErrorFrom({ status: result.status, headers: new Headers(), body: result.problem, operationId: 'postMessage' }));
    });
  }

  async function postAlone(queued: Queued): Promise<void> {
    const { accessToken, conversationId, text, clientMessageId } = queued.post;
    try {
      const { data } = await callsAs(api, { accessToken }).call('postMessage', { params: { path: { id: conversationId } }, body: { text, clientMessageId } });
      queued.resolve(data);
    } catch (error) {
      queued.reject(error);
    }
  }

  return {
    /** Posts as the user of `post.accessToken`; resolves with the stored message once the API has it. */
    post(post: Post): Promise<Message> {
      return new Promise<Message>((resolve, reject) => {
        queue.push({ post, bytes: Buffer.byteLength(JSON.stringify(post)), resolve, reject });
        schedule();
      });
    },
  };
}

export type PostBatcher = ReturnType<typeof createPostBatcher>;
