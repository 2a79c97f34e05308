import { DomainException, ErrorCode } from '@app/common';
import {
  AuditAction,
  MemberRole,
  MemberStatus,
  type Actor,
  type AuditService,
  type MemberEntity,
  type MembershipService,
  type PasswordService,
  type ThrottleKey,
  type ThrottleService,
} from '@app/identity';
import { PasswordConfirmationService } from './password-confirmation.service';

const actor: Actor = {
  memberId: '11111111-2222-4333-8444-555555555555',
  sessionId: '66666666-7777-4888-8999-aaaaaaaaaaaa',
  role: MemberRole.MEMBER,
  status: MemberStatus.VETTED,
  coordinatorCountries: [],
  vettedUntil: null,
  totpEnabled: false,
};
const member = { id: actor.memberId, email: 'aigul@example.test', passwordHash: '$argon2id$stored' };
const accountKey: ThrottleKey = { key: 'signin:acct:aigul', max: 5 };

function setup() {
  const membership = {
    self: jest.fn<ReturnType<MembershipService['self']>, Parameters<MembershipService['self']>>(),
  };
  const passwords = {
    verify: jest.fn<ReturnType<PasswordService['verify']>, Parameters<PasswordService['verify']>>(),
  };
  const throttle = {
    account: jest.fn<ReturnType<ThrottleService['account']>, Parameters<ThrottleService['account']>>(),
    assertAllowed: jest.fn<
      ReturnType<ThrottleService['assertAllowed']>,
      Parameters<ThrottleService['assertAllowed']>
    >(),
    recordFailure: jest.fn<
      ReturnType<ThrottleService['recordFailure']>,
      Parameters<ThrottleService['recordFailure']>
    >(),
    clear: jest.fn<ReturnType<ThrottleService['clear']>, Parameters<ThrottleService['clear']>>(),
  };
  const audit = { record: jest.fn<ReturnType<AuditService['record']>, Parameters<AuditService['record']>>() };
  membership.self.mockResolvedValue({ member: member as MemberEntity, country: 'KZ' });
  throttle.account.mockReturnValue(accountKey);
  throttle.assertAllowed.mockResolvedValue();
  throttle.clear.mockResolvedValue();
  const service = new PasswordConfirmationService(
    membership as unknown as MembershipService,
    passwords as unknown as PasswordService,
    throttle as unknown as ThrottleService,
    audit as unknown as AuditService,
  );
  return { service, passwords, throttle, audit };
}

describe(PasswordConfirmationService.name, () => {
  it('should verify against the stored hash on sign-in’s account key and clear it when right', async () => {
    const { service, passwords, throttle, audit } = setup();
    passwords.verify.mockResolvedValue(true);

    await expect(service.confirm(actor, 'correct horse')).resolves.toBe(true);

    expect(throttle.account).toHaveBeenCalledWith('signin', member.email);
    expect(passwords.verify).toHaveBeenCalledWith(member.passwordHash, 'correct horse');
    expect(throttle.clear).toHaveBeenCalledWith(accountKey);
    expect(throttle.recordFailure).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('should not check the password at all while the account is blocked', async () => {
    const { service, passwords, throttle } = setup();
    throttle.assertAllowed.mockRejectedValue(
      new DomainException(ErrorCode.RATE_LIMITED, 'Too many attempts.'),
    );

    await expect(service.confirm(actor, 'correct horse')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(passwords.verify).not.toHaveBeenCalled();
    expect(throttle.clear).not.toHaveBeenCalled();
  });

  it('should count a wrong password as BAD_USER_INPUT on password, unaudited below the limit', async () => {
    const { service, passwords, throttle, audit } = setup();
    passwords.verify.mockResolvedValue(false);
    throttle.recordFailure.mockResolvedValue(false);

    const refusal = service.confirm(actor, 'wrong');
    await expect(refusal).rejects.toBeInstanceOf(DomainException);
    await expect(refusal).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'password', code: 'INVALID', message: 'does not match' }],
    });
    expect(throttle.recordFailure).toHaveBeenCalledWith([accountKey]);
    expect(throttle.clear).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('should audit the failure that starts a block as sign-in does, naming the member and the session', async () => {
    const { service, passwords, throttle, audit } = setup();
    passwords.verify.mockResolvedValue(false);
    throttle.recordFailure.mockResolvedValue(true);

    await expect(service.confirm(actor, 'wrong')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(audit.record).toHaveBeenCalledWith({
      actorId: actor.memberId,
      action: AuditAction.SIGN_IN_FAILURE_BURST,
      targetId: member.id,
      country: 'KZ',
      data: { blockedFor: 'account', operation: 'confirmPassword', sessionId: actor.sessionId },
    });
  });
});
