import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { operationsConfig, type OperationsConfig } from '@app/config';
import { sendErrorResponse } from '../boot/body-errors';
import { ErrorCode } from '../errors/error-codes';
import { bearerMatches } from './metrics-token';
import { MetricsRegistry } from './metrics.registry';

/**
 * `GET /metrics` in the Prometheus text format, for the API and the chat nodes alike. Served only when METRICS_TOKEN
 * is set (otherwise 404, as for any unknown path) and only to a request with `Authorization: Bearer <METRICS_TOKEN>`
 * (otherwise 401 in the house error shape): the figures tell an outsider how busy the network is and when.
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(operationsConfig.KEY) private readonly operations: OperationsConfig,
  ) {}

  @Get('metrics')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = this.operations.metricsToken;
    if (!token) {
      sendErrorResponse(res, 404, 'Not found.', { code: ErrorCode.NOT_FOUND });
      return;
    }
    if (!bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendErrorResponse(res, 401, 'Send the metrics token as Authorization: Bearer <token>.', {
        code: ErrorCode.UNAUTHENTICATED,
      });
      return;
    }
    const body = await this.metrics.registry.metrics();
    res.setHeader('Cache-Control', 'no-store');
    res.type(this.metrics.registry.contentType).send(body);
  }
}
