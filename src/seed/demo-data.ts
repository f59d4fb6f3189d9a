/**
 * Demo data (the embedded default, or DEMO_DATA=true; never otherwise): a partner admin `demo-partner`
 * (onboarded, primary account of its company) with one org member `demo-partner/operator`, a second unrelated
 * partner `demo-partner-2`, an account `demo-applicant` whose onboarding waits in manual review, a not-yet-onboarded
 * account `demo-newcomer`, and the reviewer `reviewer@demo.local`
 * with every reviewer role. Password of all: `Demo@12345`. Idempotent: safe on every start.
 *
 * Module records (reviewers have something to do in the admin panel), all created through the modules' exported
 * services, each only when the account has none of its kind yet (so a demo user's own actions are never undone):
 * - opportunity: `demo-partner` is a PCE member (OPP-001…OPP-003) with one PO for 上海演示客户有限公司 waiting in
 *   PDM review; the demo rep office `RO-DEMO-SH` (province `SH`) routes it to `reviewer@demo.local` (OPP-020);
 * - certification programs: `demo-partner-2` applied to the solution-provider program and waits for the
 *   operations review (PROG-003…PROG-005);
 * - build: `demo-partner` is on the `software` path with one solution whose cloud software certification waits
 *   for the PSA pre-review (BUILD-001…BUILD-011).
 * Not seeded (decision): a capability-label application — it needs a `service`/`si` path, and demo-partner-2's
 * pending solution-provider application excludes paths (PROG-002).
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../libs/clock/index.js';
import { addMonths, WorkingDayCalendar } from '../../libs/calendar/index.js';
import { PARTNER_PRINCIPALS, type PartnerPrincipalResolver } from '../../libs/auth/index.js';
import { FakeRegistry } from '../../libs/testing/index.js';
import { REVIEWER_ROLES, RequestContext } from '../../libs/context/index.js';
import { PathMembershipService, ProgramMembershipService } from '../modules/certification/index.js';
import { SolutionCertificationService } from '../modules/build/index.js';
import { OnboardingService, PartnerAccountService } from '../modules/info/index.js';
import {
  OpportunityReviewService,
  OpportunityService,
  PceEnrollmentService,
} from '../modules/opportunity/index.js';
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

/** The demo PO of `demo-partner` (waits in PDM review) and the rep office that routes it to the demo reviewer. */
export const DEMO_OPPORTUNITY = {
  customerName: '上海演示客户有限公司',
  province: 'SH',
  repOfficeCode: 'RO-DEMO-SH',
} as const;

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
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
    private readonly pce: PceEnrollmentService,
    private readonly opportunities: OpportunityService,
    private readonly opportunityReview: OpportunityReviewService,
    private readonly programs: ProgramMembershipService,
    private readonly paths: PathMembershipService,
    private readonly solutions: SolutionCertificationService,
    @Inject(PARTNER_PRINCIPALS) private readonly principals: PartnerPrincipalResolver,
  ) {}

  async seed(): Promise<void> {
    const sys = RequestContext.system(this.clock, 'demo-seed');
    await this.permissions.ensurePresetRoles();
    const reviewer = await this.reviewers.upsert(sys, {
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
    await this.seedOpportunity(sys, reviewer.id);
    await this.seedSolutionProviderApplication(sys);
    await this.seedSoftwareSolution(sys);
    this.logger.log(
      'demo data ready: demo-partner (PCE, PO in PDM review), demo-partner/operator, demo-partner-2 (SP application), demo-applicant (manual review), demo-newcomer, reviewer@demo.local',
    );
  }

  /**
   * The partner admin's own context (`memberId: null`) with the permissions its token would carry, built the way
   * the access guard builds it; null unless the account is onboarded.
   */
  private async partnerContext(sys: RequestContext, accountName: string): Promise<RequestContext | null> {
    const account = await this.accounts.findByName(accountName);
    if (!account || account.status !== 'active') return null;
    const principal = await this.principals.resolve(account.id, null);
    if (!principal || principal.notActiveError) return null;
    return sys.withActor(
      { kind: 'partner', partnerAccountId: account.id, memberId: null, site: principal.site, tokenId: null },
      principal.permissions,
    );
  }

  /**
   * `demo-partner` joins PCE (once: an exited enrollment stays exited) and files one PO that waits for the PDM
   * review (OPP-011 → `pending_review`); the demo rep office routes province `SH` to the demo reviewer (OPP-020),
   * who is its PDM, PSM and BD, so every later step of the PO is theirs too.
   */
  private async seedOpportunity(sys: RequestContext, reviewerId: string): Promise<void> {
    const ctx = await this.partnerContext(sys, 'demo-partner');
    if (!ctx) return;
    const offices = await this.opportunityReview.listRepOffices();
    if (!offices.items.some((o) => o.code === DEMO_OPPORTUNITY.repOfficeCode)) {
      await this.opportunityReview.upsertRepOffice(sys, DEMO_OPPORTUNITY.repOfficeCode, {
        name: 'Demo Shanghai rep office',
        provinces: [DEMO_OPPORTUNITY.province],
        pdm_ids: [reviewerId],
        psm_ids: [reviewerId],
        bd_ids: [reviewerId],
      });
    }
    if ((await this.pce.status(ctx.partnerAccountId)) === null) {
      await this.pce.join(ctx, { agreement_accepted: true, update_commitment: true });
    }
    if (!(await this.pce.isActive(ctx.partnerAccountId))) return;
    const mine = await this.opportunities.list(ctx, { origin: 'po', offset: 0, limit: 100 });
    if (mine.items.some((o) => o.customer_name === DEMO_OPPORTUNITY.customerName)) return;
    const fields = {
      customer_name: DEMO_OPPORTUNITY.customerName,
      customer_account_id: 'demo-customer-account-1',
      customer_contact_name: 'Demo Customer Contact',
      customer_contact_phone: '13800000009',
      province: DEMO_OPPORTUNITY.province,
      city: 'Shanghai',
      industry: 'retail',
      budget_amount: '800000.00',
      // OPP-014: inside the 12-month purchase window, counted from today (business time zone)
      expected_purchase_date: addMonths(this.calendar.localDate(sys.now()), 3),
      incremental_revenue: '200000.00',
      description: 'Demo: move the retail ERP and the member mini-program to Huawei Cloud.',
      customer_consent_confirmed: true,
    };
    const draft = await this.opportunities.create(ctx, fields);
    await this.opportunities.submit(ctx, draft.id, {});
  }

  /** `demo-partner-2` applies to the solution-provider program (PROG-003…PROG-005): operations reviews it. */
  private async seedSolutionProviderApplication(sys: RequestContext): Promise<void> {
    const ctx = await this.partnerContext(sys, 'demo-partner-2');
    if (!ctx) return;
    const held = await this.programs.programMemberships(ctx.partnerAccountId);
    if (held.some((m) => m.program === 'solution_provider')) return;
    await this.programs.applySolutionProvider(ctx, { representative_office: DEMO_OPPORTUNITY.repOfficeCode });
  }

  /** `demo-partner` on the software path with a cloud software certification waiting for the PSA pre-review. */
  private async seedSoftwareSolution(sys: RequestContext): Promise<void> {
    const ctx = await this.partnerContext(sys, 'demo-partner');
    if (!ctx) return;
    const onPath = (await this.paths.pathMemberships(ctx.partnerAccountId)).some(
      (m) => m.path === 'software' && m.status === 'active',
    );
    if (!onPath) await this.paths.join(ctx, 'software');
    if ((await this.solutions.listSolutions(ctx, { limit: 1 })).total_count > 0) return;
    const solution = await this.solutions.createSolution(ctx, {
      name: 'Demo Retail SaaS',
      description: 'Store management SaaS on Huawei Cloud (demo data).',
      deployment_modes: ['multi_tenant'],
      software_product_type: 'saas',
      cloud_services_used: ['CSE', 'DCS', 'APIG'],
    });
    const draft = await this.solutions.createCertification(ctx, solution.id, {
      certification_type: 'cloud_software',
      pass_scenario: 'ftr_and_one_pager',
      materials: [
        { material_type: 'software_copyright_certificate', file_id: 'demo-copyright' },
        { material_type: 'ftr_checklist', file_id: 'demo-ftr-checklist' },
        { material_type: 'ftr_evidence', file_id: 'demo-ftr-evidence' },
        { material_type: 'one_pager', file_id: 'demo-one-pager' },
        { material_type: 'test_report', file_id: 'demo-test-report' },
      ],
    });
    await this.solutions.submit(ctx, draft.id);
  }
}
