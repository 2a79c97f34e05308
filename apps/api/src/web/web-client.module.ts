import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import compression from 'compression';
import type { Request, Response } from 'express';
import { API_PATH_PATTERN, API_PATH_PREFIXES } from '@app/common';

/** The repository (or image) root: the nearest folder above this file with a package.json. */
function projectRoot(from = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) {
    folder = dirname(folder);
  }
  return folder;
}

/** Where `npm run web:build` writes the browser client (apps/web/vite.config.mts). */
export const WEB_DIST = join(projectRoot(), 'dist', 'web');

/** Paths the API owns, with everything under them; a deep link anywhere else gets the client's index.html. */
export const API_PATHS = API_PATH_PREFIXES.map((prefix) => `${prefix}{/*rest}`);

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * gzip for the client's own files only: its scripts shrink to a third, which is what a phone on a slow link waits
 * for. API answers stay uncompressed: they mix secrets (tokens, contact details) with text the caller chose, the
 * shape a BREACH-style length oracle needs.
 */
export const compressClient = compression({
  // Brotli when the browser accepts it (every current one does), at the library's quality 4; gzip otherwise, at level
  // 9: the files are few, cached for a year and the same for everyone, so the smallest output is worth the CPU.
  level: 9,
  // originalUrl: a middleware mounted by Nest sees `req.path` relative to its mount point.
  filter: (req: Request, res: Response) =>
    !API_PATH_PATTERN.test(req.originalUrl) && compression.filter(req, res),
});

/**
 * Serves the built web client at `/`: hashed files under /assets are cached immutable and a missing one is a 404
 * (serve-static's SPA fallback would answer it with index.html, which a browser would then run as a script), every
 * other unknown path gets index.html (never cached, so a new deployment is picked up at once). Absent when the client
 * has not been built (API-only runs and tests).
 */
@Module({})
export class WebClientModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(compressClient).forRoutes('*');
  }

  static register(root = WEB_DIST): DynamicModule {
    if (!existsSync(join(root, 'index.html'))) {
      new Logger(WebClientModule.name).warn(
        `No web client at ${root}: run npm run web:build to serve it at /`,
      );
      return { module: WebClientModule };
    }
    return {
      module: WebClientModule,
      imports: [
        ServeStaticModule.forRoot(
          {
            rootPath: join(root, 'assets'),
            serveRoot: '/assets',
            serveStaticOptions: {
              // A missing file falls through past the SPA fallback (its exclude list) to Nest's plain 404, which names
              // no file path (fallthrough: false would answer with the ENOENT message and the absolute path).
              fallthrough: true,
              index: false,
              redirect: false,
              setHeaders: (res: Response) => res.setHeader('cache-control', IMMUTABLE),
            },
          },
          {
            rootPath: root,
            exclude: [...API_PATHS, '/assets{/*rest}'],
            serveStaticOptions: {
              index: false,
              // A folder is never a page: no 301 to `path/` (`/graphql/..` would be redirected to the client).
              redirect: false,
              setHeaders: (res: Response) => res.setHeader('cache-control', 'no-cache'),
            },
          },
        ),
      ],
    };
  }
}
