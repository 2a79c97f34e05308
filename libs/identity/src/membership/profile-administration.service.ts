import { Injectable } from '@nestjs/common';
import { PractitionerService, type ProfileChanges } from '@app/directory';
import { AccessPolicy, type Viewer } from '../access/access-policy';
import { AuditAction } from '../audit/audit-action';
import { AUDIT_LOCK, AuditService } from '../audit/audit.service';
import { MemberEntity } from '../entities/member.entity';

/** Coordinators correct profiles of their countries (admins of any); each edit is audited with the fields changed. */
@Injectable()
export class ProfileAdministrationService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly practitioners: PractitionerService,
    private readonly audit: AuditService,
  ) {}

  async update(viewer: Viewer, memberId: string, changes: ProfileChanges, reason: string): Promise<void> {
    const actor = this.policy.staff(viewer);
    await this.practitioners.update(memberId, changes, {
      lock: AUDIT_LOCK,
      within: async (manager, before) => {
        this.policy.coordinatorFor(actor, before.country);
        if (actor.memberId === memberId) {
          return;
        }
        const target = await manager.findOne(MemberEntity, {
          where: { id: memberId },
          select: { id: true, role: true },
        });
        if (target) {
          this.policy.managesRole(actor, target.role);
        }
        await this.audit.append(manager, {
          actorId: actor.memberId,
          action: AuditAction.PROFILE_EDITED_BY_COORDINATOR,
          targetId: memberId,
          country: before.country,
          reason: reason.trim(),
          data: { fields: Object.keys(changes).sort() },
        });
      },
    });
  }
}
