import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AccessPolicy,
  AuthService,
  MembershipService,
  TotpService,
  type AuthResult,
  type RequestContext,
  type Viewer,
} from '@app/identity';
import { CurrentViewer, RequestInfo } from '../auth/viewer';
import { LocaleCode } from '../reference/reference.model';
import { ConfirmPasswordArgs, SignInInput } from './identity.inputs';
import { AuthPayloadModel, MemberModel, SessionModel, TotpEnrollmentModel } from './identity.models';
import { toMemberModel } from './member.mapper';
import { PasswordConfirmationService } from './password-confirmation.service';

function payload(result: AuthResult): AuthPayloadModel {
  const { member, ...tokens } = result;
  return { ...tokens, member: { id: member.id, role: member.role, status: member.status } };
}

/** Sign-in, sessions and two-factor enrollment. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
    private readonly membership: MembershipService,
    private readonly policy: AccessPolicy,
    private readonly passwordConfirmation: PasswordConfirmationService,
  ) {}

  @Mutation(() => AuthPayloadModel)
  async signIn(
    @Args('input') input: SignInInput,
    @RequestInfo() request: RequestContext,
  ): Promise<AuthPayloadModel> {
    return payload(await this.auth.signIn(input, request));
  }

  @Mutation(() => AuthPayloadModel, { description: 'Exchanges a refresh token for new tokens (rotation)' })
  async refreshSession(
    @Args('refreshToken') refreshToken: string,
    @RequestInfo() request: RequestContext,
  ): Promise<AuthPayloadModel> {
    return payload(await this.auth.refresh(refreshToken, request));
  }

  @Mutation(() => Boolean, { description: 'Ends the session of this request' })
  async signOut(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.auth.signOut(this.policy.authenticated(viewer));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Checks your password again (a locked screen) without opening a session; throttled with sign-in',
  })
  confirmPassword(
    @CurrentViewer() viewer: Viewer,
    @Args() { password }: ConfirmPasswordArgs,
  ): Promise<boolean> {
    return this.passwordConfirmation.confirm(this.policy.authenticated(viewer), password);
  }

  @Query(() => [SessionModel], { description: 'Your open sessions' })
  async sessions(@CurrentViewer() viewer: Viewer): Promise<SessionModel[]> {
    const actor = this.policy.authenticated(viewer);
    const sessions = await this.auth.sessions(actor);
    return sessions.map((session) => ({ ...session, current: session.id === actor.sessionId }));
  }

  @Mutation(() => Boolean, { description: 'Ends one of your sessions' })
  async revokeSession(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.auth.revokeSession(this.policy.authenticated(viewer), id);
    return true;
  }

  @Query(() => MemberModel)
  async me(@CurrentViewer() viewer: Viewer): Promise<MemberModel> {
    return toMemberModel(await this.membership.self(this.policy.authenticated(viewer)));
  }

  @Mutation(() => MemberModel, { description: 'Sets the language of your web client (any signed-in member)' })
  async setMyLocale(
    @CurrentViewer() viewer: Viewer,
    @Args('locale', { type: () => LocaleCode }) locale: LocaleCode,
  ): Promise<MemberModel> {
    return toMemberModel(await this.auth.setLocale(this.policy.authenticated(viewer), locale));
  }

  @Mutation(() => TotpEnrollmentModel)
  beginTotpEnrollment(@CurrentViewer() viewer: Viewer): Promise<TotpEnrollmentModel> {
    return this.totp.beginEnrollment(this.policy.authenticated(viewer));
  }

  @Mutation(() => [String], {
    description: 'Confirms enrollment with a current code; returns 10 recovery codes once',
  })
  confirmTotpEnrollment(@CurrentViewer() viewer: Viewer, @Args('code') code: string): Promise<string[]> {
    return this.totp.confirmEnrollment(this.policy.authenticated(viewer), code);
  }
}
