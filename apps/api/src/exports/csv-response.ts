import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CSV_BOM, CSV_CONTENT_TYPE, csvRow, type CsvValue } from '@app/common';

const logger = new Logger('CsvExport');

/** Waits until the socket takes more (or the client is gone): a slow download never buffers the whole export. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) {
    await drained(res);
  }
}

/**
 * Streams a CSV download page by page: the first page is read before anything is sent, so a refusal or a failure up
 * to then is an ordinary JSON error; a failure after that cuts the download off (the connection is destroyed, so the
 * file is visibly incomplete rather than silently short). The file is named `counterpart-<name>-YYYY-MM-DD.csv`
 * (UTC), never cached, and starts with a UTF-8 BOM for Excel.
 */
export async function sendCsv<Row>(
  res: Response,
  name: string,
  header: readonly string[],
  pages: AsyncIterable<Row[]>,
  cells: (row: Row) => CsvValue[],
): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = await iterator.next();
  const date = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.setHeader('Content-Type', CSV_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="counterpart-${name}-${date}.csv"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await write(res, CSV_BOM + csvRow(header));
    while (!next.done) {
      if (res.destroyed) {
        await iterator.return?.();
        return;
      }
      await write(res, next.value.map((row) => csvRow(cells(row))).join(''));
      next = await iterator.next();
    }
    res.end();
  } catch (error) {
    logger.error(`The ${name} export failed after it had started: ${(error as Error).message}`);
    res.destroy();
  }
}
