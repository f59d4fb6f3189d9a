/**
 * Demo data (the embedded default, or DEMO_DATA=true; never otherwise): a partner admin `demo-partner`
 * (onboarded, primary account of its company) with one org member `demo-partner/operator`, a second unrelated
 * partner `demo-partner-2`, an account `demo-applicant` whose onboarding waits in manual review, a not-yet-onboarded
 * account `demo-newcomer`, and the reviewer `reviewer@demo.local`
 * with every reviewer role. Password of all: `Demo@12345`. Idempotent: safe on every start.
 */
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../libs/clock/index.js';
import { FakeRegistry } from '../../libs/testing/index.js';
import { REVIEWER_ROLES, RequestContext } from '../../libs/context/index.js';
import { OnboardingService, PartnerAccountService } from '../modules/info/index.js';
import { OrgMemberService, OrgPermissionService } from '../modules/org/index.js';
import { ReviewerService } from '../platform/index.js';

export const DEMO_PASSWORD = 'Demo@12345';

export const DEMO_COMPANIES = [
  {
    account: 'demo-partner',
    company: '上海演示科技有限公司',
    uscc: '91310117557415205K',
    mobile: '13800000001',
  },
  {
    account: 'demo-partner-2',
    company: '北京样例信息技术有限公司',
    uscc: '91110108MA01ABCD2X',
    mobile: '13800000002',
  },
] as const;

@Injectable()
export class DemoDataSeeder {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly clock: Clock,
    private readonly accounts: PartnerAccountService,
    private readonly onboarding: OnboardingService,
    private readonly members: OrgMemberService,
    private readonly permissions: OrgPermissionService,
    private readonly reviewers: ReviewerService,
    private readonly fakes: FakeRegistry,
  ) {}

  async seed(): Promise<void> {
    const sys = RequestContext.system(this.clock, 'demo-seed');
    await this.permissions.ensurePresetRoles();
    await this.reviewers.upsert(sys, {
      email: 'reviewer@demo.local',
      name: 'Demo Reviewer',
      roles: [...REVIEWER_ROLES],
      flags: ['pce_dispatcher', 'supervisor'],
      password: DEMO_PASSWORD,
    });
    for (const c of DEMO_COMPANIES) {
      const account = await this.accounts.registerCloudAccount(sys, {
        accountName: c.account,
        password: DEMO_PASSWORD,
        site: 'cn',
        realnameType: 'enterprise',
        companyName: c.company,
        uscc: c.uscc,
        mobile: c.mobile,
        email: `${c.account}@demo.local`,
      });
      if (account.status === 'registered') {
        const ctx = sys.withActor({
          kind: 'partner',
          partnerAccountId: account.id,
          memberId: null,
          site: 'cn',
          tokenId: null,
        });
        await this.onboarding.submit(ctx, {
          company_name: c.company,
          uscc: c.uscc,
          legal_representative: 'Demo Legal',
          contact_name: 'Demo Contact',
          contact_position: 'Partner manager',
          contact_mobile: c.mobile,
          contact_email: `${c.account}@demo.local`,
        });
      }
    }
    const main = await this.accounts.findByName('demo-partner');
    if (main) {
      try {
        await this.members.createMember(sys, {
          partnerAccountId: main.id,
          accountName: main.accountName,
          loginName: 'operator',
          displayName: 'Demo Operator',
          email: 'operator@demo.local',
          password: DEMO_PASSWORD,
          roleCodes: ['admin'],
        });
      } catch {
        // already there
      }
    }
    // an application waiting in the reviewers' queue: the company registry does not confirm this company
    const applicantUscc = '91320500MA1XYZ0001';
    this.fakes.configure('company-registry', { results: { [applicantUscc]: 'mismatch' } });
    const applicant = await this.accounts.registerCloudAccount(sys, {
      accountName: 'demo-applicant',
      password: DEMO_PASSWORD,
      site: 'cn',
      realnameType: 'enterprise',
      companyName: '苏州待审科技有限公司',
      uscc: applicantUscc,
      mobile: '13800000004',
      email: 'demo-applicant@demo.local',
    });
    if (applicant.status === 'registered') {
      const ctx = sys.withActor({
        kind: 'partner',
        partnerAccountId: applicant.id,
        memberId: null,
        site: 'cn',
        tokenId: null,
      });
      await this.onboarding.submit(ctx, {
        company_name: '苏州待审科技有限公司',
        uscc: applicantUscc,
        legal_representative: 'Demo Applicant',
        contact_name: 'Demo Applicant',
        contact_position: 'CEO',
        contact_mobile: '13800000004',
        contact_email: 'demo-applicant@demo.local',
      });
    }
    await this.accounts.registerCloudAccount(sys, {
      accountName: 'demo-newcomer',
      password: DEMO_PASSWORD,
      site: 'cn',
      realnameType: 'enterprise',
      companyName: '深圳新来者科技有限公司',
      uscc: '91440300MA5XXXXXX1',
      mobile: '13800000003',
      email: 'demo-newcomer@demo.local',
    });
    this.logger.log(
      'demo data ready: demo-partner, demo-partner/operator, demo-partner-2, demo-applicant (manual review), demo-newcomer, reviewer@demo.local',
    );
  }
}
