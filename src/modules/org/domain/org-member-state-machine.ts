/**
 * OrgMember.status as data (org.md "OrgMember.status"). The spec names `active` and `deleted`; the partner
 * center also lets the partner admin suspend a member without deleting his IAM user (decision: `disabled`,
 * reversible, the member cannot log in meanwhile; IAM supports disabling users the same way).
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import type { OrgMember } from '../entities/org-member.entity.js';

export type OrgMemberStatus = OrgMember['status'];

export const ORG_MEMBER_MACHINE: StateMachineDefinition<OrgMemberStatus, OrgMember> = {
  entityType: 'org_member',
  eventPrefix: 'org.member',
  transitions: {
    active: ['disabled', 'deleted'],
    disabled: ['active', 'deleted'],
    deleted: [],
  },
  partnerAccountId: (m) => m.partnerAccountId,
  snapshot: (m) => ({
    status: m.status,
    login_name: m.loginName,
    display_name: m.displayName,
    email: m.email,
    mobile: m.mobile,
  }),
};
