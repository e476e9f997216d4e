import { createServer, type AddressInfo } from 'node:net';

/** A port nobody listens on now, on 127.0.0.1 (the OS picks it, so parallel test files never share one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
