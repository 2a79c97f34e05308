import 'reflect-metadata';
import { createServer } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { PractitionerSearchService, type SearchFilter } from '@app/directory';
import { BenchSearchModule } from './bench-search.module';

/**
 * The baseline of the HTTP benchmark: a bare node:http endpoint making the same repository call as the GraphQL
 * `practitioners` resolver (no GraphQL, no authentication, no DataLoader), on the same database.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(BenchSearchModule, { logger: ['error'] });
  const search = app.get(PractitionerSearchService);
  const viewer = { memberId: process.env.BENCH_VIEWER_ID ?? '', active: true, staff: false };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { filter, first } = JSON.parse(body) as { filter: SearchFilter; first: number };
      search
        .search(viewer, filter, { first, offset: 0 })
        .then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ids: result.ids, totalCount: result.totalCount, facets: result.facets }));
        })
        .catch((error: Error) => {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: error.message }));
        });
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(
      `baseline listening on ${typeof address === 'object' && address ? address.port : ''}\n`,
    );
  });
  const stop = () => server.close(() => void app.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
