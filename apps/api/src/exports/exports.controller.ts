import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainException, ErrorCode } from '@app/common';
import { AuthService, DataExportService } from '@app/identity';
import { HttpErrorFilter } from '../auth/http-error.filter';
import { viewerOfRequest } from '../auth/viewer';
import { sendCsv } from './csv-response';
import { AuditExportQuery, MembersExportQuery } from './exports.query';

export const MEMBERS_CSV_HEADER = [
  'id',
  'displayName',
  'email',
  'country',
  'role',
  'status',
  'vettedAt',
  'vettedUntil',
  'profileConfirmedAt',
  'createdAt',
] as const;

export const AUDIT_CSV_HEADER = [
  'seq',
  'at',
  'action',
  'actorId',
  'targetId',
  'country',
  'reason',
  'hash',
  'prevHash',
] as const;

/**
 * CSV downloads for the coordinators' desk, with the GraphQL bearer token (`Authorization: Bearer <accessToken>`) and
 * the GraphQL queries' scopes: the members export is `members(filter)`, the audit export is `auditLog(filter)`.
 * Errors are JSON in the API's HTTP shape `{ errors: [{ message, extensions: { code, fields? } }] }`.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class ExportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly exports: DataExportService,
  ) {}

  @Get('members.csv')
  async members(
    @Query() query: MembersExportQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const viewer = await viewerOfRequest(this.auth, req);
    const { pages } = await this.challenge(res, () =>
      this.exports.members(viewer, {
        status: query.status,
        countries: query.countries,
        vettingExpiresBefore: query.vettingExpiresBefore ? new Date(query.vettingExpiresBefore) : undefined,
        staleProfile: query.staleProfile,
      }),
    );
    await sendCsv(res, 'members', MEMBERS_CSV_HEADER, pages, (row) => [
      row.id,
      row.displayName,
      row.email,
      row.country,
      row.role,
      row.status,
      row.vettedAt,
      row.vettedUntil,
      row.profileConfirmedAt,
      row.createdAt,
    ]);
  }

  @Get('audit.csv')
  async audit(@Query() query: AuditExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await viewerOfRequest(this.auth, req);
    const { pages } = await this.challenge(res, () => this.exports.auditLog(viewer, query));
    await sendCsv(res, 'audit', AUDIT_CSV_HEADER, pages, (entry) => [
      entry.seq,
      entry.at,
      entry.action,
      entry.actorId,
      entry.targetId,
      entry.country,
      entry.reason,
      entry.hash,
      entry.prevHash,
    ]);
  }

  /** A 401 names the scheme to use (RFC 6750); the error itself goes on to the filter. */
  private async challenge<T>(res: Response, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.UNAUTHENTICATED) {
        res.setHeader('WWW-Authenticate', 'Bearer');
      }
      throw error;
    }
  }
}
