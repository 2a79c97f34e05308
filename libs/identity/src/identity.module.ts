import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@app/directory';
import { AccessPolicy } from './access/access-policy';
import { AuditService } from './audit/audit.service';
import { AccessTokenService } from './auth/access-token.service';
import { AuthService } from './auth/auth.service';
import { PasswordService } from './auth/password.service';
import { SessionRetentionService } from './auth/session-retention.service';
import { ThrottleService } from './auth/throttle.service';
import { TotpRekeyService } from './auth/totp-rekey.service';
import { TotpService } from './auth/totp.service';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { AccountResetEntity, AuthAttemptEntity, InvitationEntity } from './entities/invitation.entity';
import { MemberEntity } from './entities/member.entity';
import { RefreshTokenEntity, SessionEntity } from './entities/session.entity';
import { DataExportService } from './exports/data-export.service';
import { IdentityEvents } from './identity-events';
import { AccountRecoveryService } from './membership/account-recovery.service';
import { MembershipService } from './membership/membership.service';
import { ProfileAdministrationService } from './membership/profile-administration.service';
import { NetworkStatisticsService } from './statistics/network-statistics.service';

export const IDENTITY_ENTITIES = [
  MemberEntity,
  SessionEntity,
  RefreshTokenEntity,
  InvitationEntity,
  AccountResetEntity,
  AuthAttemptEntity,
  AuditEntryEntity,
];

const SERVICES = [
  AccessPolicy,
  AuditService,
  AccessTokenService,
  AuthService,
  PasswordService,
  SessionRetentionService,
  ThrottleService,
  TotpService,
  TotpRekeyService,
  IdentityEvents,
  MembershipService,
  AccountRecoveryService,
  ProfileAdministrationService,
  NetworkStatisticsService,
  DataExportService,
];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), DirectoryModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class IdentityModule {}
