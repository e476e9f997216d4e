import { createServer } from 'node:http';

/**
 * The HTTP transport floor for (e): node:http reading each body and answering a small JSON with an
 * ETag, no framework, no auth, no validation, no store. Started as a child on PORT.
 */
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', etag: '"1"' });
    res.end(JSON.stringify({ ok: true, keys: Object.keys(body).length }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
