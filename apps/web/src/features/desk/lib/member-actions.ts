import { oversees, type DeskSubject, type DeskViewer } from './viewer';

/** What the desk can do to a member. */
export type DeskAction =
  'approve' | 'reject' | 'renew' | 'suspend' | 'reinstate' | 'revoke' | 'reset' | 'correct' | 'role';

/** By status, what may be done (the API's transitions: libs/identity membership.service.ts). */
const BY_STATUS: Record<DeskSubject['status'], DeskAction[]> = {
  PENDING: ['approve', 'reject', 'correct', 'reset', 'revoke'],
  VETTED: ['renew', 'correct', 'reset', 'suspend', 'revoke'],
  SUSPENDED: ['reinstate', 'correct', 'reset', 'revoke'],
  REJECTED: ['revoke'],
  REVOKED: [],
};

/**
 * The actions this viewer may take on this member, in the order the desk offers them; none at all for a member outside
 * the viewer's countries or for the viewer's own account (the API refuses both: no self-vetting, no self-suspension),
 * and none for a coordinator on staff (a coordinator's or administrator's account, or one whose role is not known):
 * only an administrator acts on staff, so that coordinators cannot suspend or reset one another.
 * The role editor is an administrator's, for vetted or suspended members. What is not listed is not shown.
 */
export function actionsFor(
  viewer: Pick<DeskViewer, 'id' | 'role' | 'coordinatorCountries'>,
  member: DeskSubject,
): DeskAction[] {
  if (member.id === viewer.id || !oversees(viewer, member.country)) {
    return [];
  }
  if (viewer.role !== 'ADMIN' && member.role !== 'MEMBER') {
    return [];
  }
  const actions = [...BY_STATUS[member.status]];
  if (viewer.role === 'ADMIN' && (member.status === 'VETTED' || member.status === 'SUSPENDED')) {
    actions.push('role');
  }
  return actions;
}
