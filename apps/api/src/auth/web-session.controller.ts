import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainException, ErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { AuthService, type AuthResult, type RequestContext } from '@app/identity';
import { SignInInput } from '../identity/identity.inputs';
import { BrowserRequestGuard } from './browser-request.guard';
import { HttpErrorFilter } from './http-error.filter';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { SignOutBody, type WebSessionAnswer } from './web-session.dto';

const BEARER = /^Bearer\s+(\S+)$/i;

function contextOf(req: Request): RequestContext {
  return { ip: req.ip ?? null };
}

/**
 * Browser sessions over plain HTTP: the refresh token lives in an HttpOnly cookie (never in a body a script could
 * read), the access token in the answer. The rules — throttling, two-factor, rotation, the grace window, revocation
 * and its audit — are AuthService's, the same as GraphQL `signIn` / `refreshSession` / `signOut`.
 */
@Controller('auth')
@UseGuards(BrowserRequestGuard)
@UseFilters(HttpErrorFilter)
export class WebSessionController {
  private readonly refreshTtlSeconds: number;

  constructor(
    private readonly auth: AuthService,
    @Inject(authConfig.KEY) config: AuthConfig,
  ) {
    this.refreshTtlSeconds = config.refreshTokenTtlDays * 24 * 3600;
  }

  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body() body: SignInInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebSessionAnswer> {
    return this.answer(req, res, await this.auth.signIn(body, contextOf(req)));
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<WebSessionAnswer> {
    try {
      const token = readRefreshCookie(req);
      if (!token) {
        throw DomainException.unauthenticated('No session in this browser. Sign in again.');
      }
      return this.answer(req, res, await this.auth.refresh(token, contextOf(req)));
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.UNAUTHENTICATED) {
        clearRefreshCookie(req, res);
      }
      throw error;
    }
  }

  @Post('sign-out')
  @HttpCode(200)
  async signOut(
    @Body() body: SignOutBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ ok: true }> {
    const credentials = {
      refreshToken: readRefreshCookie(req),
      accessToken: BEARER.exec(req.headers.authorization ?? '')?.[1] ?? null,
    };
    try {
      await this.auth.signOutWith(credentials, { everywhere: body.everywhere === true });
    } finally {
      clearRefreshCookie(req, res);
      res.setHeader('Cache-Control', 'no-store');
    }
    return { ok: true };
  }

  private answer(req: Request, res: Response, result: AuthResult): WebSessionAnswer {
    setRefreshCookie(req, res, result.refreshToken, this.refreshTtlSeconds);
    res.setHeader('Cache-Control', 'no-store');
    const { member } = result;
    return {
      accessToken: result.accessToken,
      expiresAt: result.expiresAt,
      member: { id: member.id, role: member.role, status: member.status, locale: member.locale },
    };
  }
}
