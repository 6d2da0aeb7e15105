import * as http from 'http';
import { AddressInfo } from 'net';

/** How the test server answers one path. */
export type Route =
  | { kind: 'file'; body: Buffer }
  /** Sends the headers (with the full Content-Length) and `sendBytes` of the body, then drops the socket. */
  | { kind: 'drop'; body: Buffer; sendBytes: number }
  /** Sends the headers and `sendBytes` of the body, then goes silent (keeps the socket open). */
  | { kind: 'stall'; body: Buffer; sendBytes: number }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; location: string };

export interface LoopbackServer {
  baseUrl: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  routes: Map<string, Route>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (port 0), for testing downloads without the network. */
export async function startLoopbackServer(routes: Record<string, Route>): Promise<LoopbackServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const route = table.get(url);
    if (route === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    switch (route.kind) {
      case 'file':
        res.writeHead(200, { 'Content-Length': route.body.length, 'Content-Type': 'application/octet-stream' });
        res.end(route.body);
        break;
      case 'drop':
        res.writeHead(200, { 'Content-Length': route.body.length });
        res.write(route.body.subarray(0, route.sendBytes), () => {
          setTimeout(() => res.socket?.destroy(), 10);
        });
        break;
      case 'stall':
        res.writeHead(200, { 'Content-Length': route.body.length });
        res.write(route.body.subarray(0, route.sendBytes));
        break;
      case 'status':
        res.writeHead(route.status).end(`status ${route.status}`);
        break;
      case 'redirect':
        res.writeHead(302, { Location: route.location }).end();
        break;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hits,
    routes: table,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
