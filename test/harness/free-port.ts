// Test-only: asks the OS for a currently free TCP port on 127.0.0.1.
import { createServer } from 'node:net';

/** A port that was free a moment ago; callers retry on EADDRINUSE since another process may grab it first. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') done(address.port);
        else fail(new Error('could not read the port the OS assigned'));
      });
    });
  });
}
