// The API's postMessage as bench/sdk-call.mjs sees it: 201 with the stored message as
// JSON, on keep-alive. A child process, so its CPU is not counted as the client's.
import { createServer } from 'node:http';

let seq = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const sent = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    seq += 1;
    const body = JSON.stringify({
      id: `7c1d2e3f-4a5b-4c6d-8e7f-${String(seq).padStart(12, '0')}`,
      conversationId: req.url.split('/')[3],
      seq,
      senderId: '5f0e1d2c-3b4a-4958-8776-655443322110',
      senderName: 'Ada Lovelace',
      text: sent.text ?? '',
      clientMessageId: sent.clientMessageId ?? null,
      createdAt: new Date().toISOString(),
    });
    res.writeHead(201, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'x-request-id': `req-${seq}`,
      'cache-control': 'no-store',
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
