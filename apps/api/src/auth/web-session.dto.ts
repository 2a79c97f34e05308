import { IsBoolean, IsOptional } from 'class-validator';

/** Body of POST /auth/sign-out. */
export class SignOutBody {
  /** End every session of the member, not only this browser's. */
  @IsOptional()
  @IsBoolean()
  everywhere?: boolean;
}

/** What /auth/sign-in and /auth/refresh answer: the refresh token travels in the cookie only. */
export interface WebSessionAnswer {
  accessToken: string;
  expiresAt: Date;
  member: { id: string; role: string; status: string; locale: string };
}
