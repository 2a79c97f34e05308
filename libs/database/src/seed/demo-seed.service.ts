import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  findOrCreateAgency,
  PractitionerEntity,
  refreshSearchKey,
  replaceProfileLists,
} from '@app/directory';
import { MemberEntity, MemberRole, MemberStatus, newMember, PasswordService } from '@app/identity';
import { DEMO_PASSWORD, demoMemberId, planDemoNetwork, type DemoPractitionerPlan } from './demo-network.plan';

export interface SeedResult {
  created: number;
  skipped: number;
}

export interface DemoLogin {
  email: string;
  role: MemberRole;
  status: MemberStatus;
  country: string | null;
}

const MONTH_MS = 30.44 * 24 * 3600 * 1000;
const monthsFrom = (now: Date, months: number) => new Date(now.getTime() + months * MONTH_MS);

/** Writes the demo network. Idempotent: members are keyed by e-mail, agencies by (country, name, city). */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async seed(): Promise<SeedResult> {
    const plans = planDemoNetwork();
    const existing = new Set(
      (await this.dataSource.getRepository(MemberEntity).find({ select: { email: true } })).map(
        (m) => m.email,
      ),
    );
    const missing = plans.filter((plan) => !existing.has(plan.email));
    if (missing.length === 0) {
      return { created: 0, skipped: plans.length };
    }
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      // The admin vets everyone else, so it is written first.
      const adminEmail = plans.find((plan) => plan.role === MemberRole.ADMIN)?.email ?? '';
      const adminId = demoMemberId(adminEmail);
      const ordered = [...missing].sort(
        (a, b) => Number(b.role === MemberRole.ADMIN) - Number(a.role === MemberRole.ADMIN),
      );
      for (const plan of ordered) {
        const memberId = demoMemberId(plan.email);
        await this.insertMember(manager, plan, memberId, passwordHash, adminId, now);
        const agencyId = await findOrCreateAgency(manager, plan.country, plan.agency, now);
        await this.insertProfile(manager, plan, memberId, agencyId, now);
        await refreshSearchKey(manager, memberId);
      }
    });
    this.logger.log(`Demo network seeded: ${missing.length} practitioners`);
    return { created: missing.length, skipped: plans.length - missing.length };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(MemberEntity).count()) === 0;
  }

  async countDemoAccounts(): Promise<number> {
    return this.dataSource.getRepository(MemberEntity).countBy({ isDemo: true });
  }

  /** The logins worth printing: the admin, the coordinators, one vetted member and one applicant. */
  async demoLogins(): Promise<DemoLogin[]> {
    const rows = await this.dataSource
      .createQueryBuilder(MemberEntity, 'm')
      .leftJoin(PractitionerEntity, 'p', 'p.member_id = m.id')
      .select(['m.email AS email', 'm.role AS role', 'm.status AS status', 'p.country AS country'])
      .where('m.is_demo = :demo', { demo: true })
      .orderBy('m.email', 'ASC')
      .getRawMany<DemoLogin>();
    const staff = rows.filter((row) => row.role !== MemberRole.MEMBER);
    const vetted = rows.filter((row) => row.role === MemberRole.MEMBER && row.status === MemberStatus.VETTED);
    const member = vetted.find((row) => row.country === 'UZ') ?? vetted[0];
    const applicant = rows.find((row) => row.status === MemberStatus.PENDING);
    const order = [MemberRole.ADMIN, MemberRole.COORDINATOR];
    staff.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    return [...staff, ...(member ? [member] : []), ...(applicant ? [applicant] : [])];
  }

  private async insertMember(
    manager: EntityManager,
    plan: DemoPractitionerPlan,
    id: string,
    passwordHash: string,
    adminId: string,
    now: Date,
  ): Promise<void> {
    const vetted = plan.vettedForMonths !== null;
    await manager.insert(
      MemberEntity,
      newMember(
        {
          id,
          email: plan.email,
          passwordHash,
          role: plan.role,
          coordinatorCountries: plan.coordinatorCountries,
          status: plan.status,
          vettedAt: vetted ? monthsFrom(now, -1) : null,
          vettedBy: vetted && adminId !== id ? adminId : null,
          vettedUntil: vetted ? monthsFrom(now, plan.vettedForMonths ?? 0) : null,
          isDemo: true,
        },
        now,
      ),
    );
  }

  private async insertProfile(
    manager: EntityManager,
    plan: DemoPractitionerPlan,
    memberId: string,
    agencyId: string,
    now: Date,
  ): Promise<void> {
    await manager.insert(PractitionerEntity, {
      memberId,
      displayName: plan.displayName,
      nativeName: plan.nativeName,
      nameVariants: plan.nameVariants,
      position: plan.position,
      country: plan.country,
      agencyId,
      timeZone: plan.timeZone,
      workingDays: plan.workingDays,
      workingHoursStart: plan.workingHours[0],
      workingHoursEnd: plan.workingHours[1],
      available24x7: plan.available24x7,
      bio: plan.bio,
      confirmedAt: monthsFrom(now, -plan.confirmedMonthsAgo),
      searchKey: '',
      createdAt: now,
      updatedAt: now,
    });
    await replaceProfileLists(manager, memberId, plan);
  }
}
