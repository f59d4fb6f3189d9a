/**
 * The AdminJS panel for Huawei-side reviewers at /admin ("Open Partner Center — reviewers").
 *
 * - Login: a reviewer's own account, verified by AuthService.login('reviewer', …) — the same credentials,
 *   throttling and error as `POST /api/v1/auth/tokens`; partner credentials (partner_admin / org_member) can
 *   never log in. The session keeps the reviewer id, e-mail and roles; sessions live in the `admin_session`
 *   table (TypeormSessionStore), so several instances share them.
 * - Resources: each module contributes its own (`src/modules/<area>/<area>.admin.ts`); the Platform group
 *   (audit log, outbox) is defined here. Everything is read-only; state changes only through record actions
 *   that call the module's service with a reviewer RequestContext (see admin-kit.ts).
 * - Front-end bundle: see admin-env.ts (development bundles at start; production is pre-bundled by
 *   `npm run build` into var/adminjs/production and served with ADMIN_JS_SKIP_BUNDLE=true).
 */
import './admin-env.js';
import { AdminModule } from '@adminjs/nestjs';
import { Database, Resource } from '@adminjs/typeorm';
import type { DynamicModule, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import AdminJS, { type AdminJSOptions, type CurrentAdmin, type PageHandler } from 'adminjs';
import type { SessionOptions } from 'express-session';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app.config.js';
import { AuthService } from '../../libs/auth/index.js';
import { Clock } from '../../libs/clock/index.js';
import { DomainError } from '../../libs/errors/index.js';
import { Notification } from '../../libs/notify/index.js';
import {
  CompanyChangeService,
  BusinessInfoVerificationService,
  InfoModule,
  InfoOperationsService,
  BasicInfoService,
  infoAdminResources,
  LegalEntity,
  OnboardingApplication,
  OnboardingService,
  PartnerAccount,
} from '../modules/info/index.js';
import { BuildModule, buildAdminResources } from '../modules/build/index.js';
import { CertificationModule, certificationAdminResources } from '../modules/certification/index.js';
import { OpportunityModule, opportunityAdminResources } from '../modules/opportunity/index.js';
import { CertificateService, OrgModule, orgAdminResources, SpecialistService } from '../modules/org/index.js';
import { ReviewerService } from '../platform/index.js';
import { type AdminKit, hasReviewerRole, type ReviewerAdmin, reviewerOf } from './admin-kit.js';
import { createAdminComponents } from './admin-components.js';
import { PanelExpressLoader } from './panel.loader.js';
import { PLATFORM_READER_ROLES, platformAdminResources } from './platform.admin.js';
import { TypeormSessionStore } from './typeorm-session.store.js';

export const ADMIN_ROOT_PATH = '/admin';
export const ADMIN_COOKIE_NAME = 'opc_admin';
/** A reviewer stays logged in for a working day of inactivity (the session is renewed on every request). */
export const ADMIN_SESSION_TTL_MS = 8 * 3600 * 1000;
export const ADMIN_BRAND = 'Open Partner Center — reviewers';
/** an inline icon (no extra route, allowed by the panel's CSP) */
const FAVICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#3040D6"/>' +
      '<text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="bold" fill="#fff" text-anchor="middle">PC</text></svg>',
  );

let adapterRegistered = false;

/** The panel as a Nest module for AppModule.forRoot (see app.factory.ts / main.ts). */
export async function createAdminModule(cfg: AppConfig): Promise<DynamicModule | undefined> {
  if (!adapterRegistered) {
    AdminJS.registerAdapter({ Database, Resource });
    adapterRegistered = true;
  }
  return AdminModule.createAdminAsync({
    customLoader: PanelExpressLoader,
    imports: [InfoModule, OrgModule, CertificationModule, BuildModule, OpportunityModule],
    inject: [
      Clock,
      DataSource,
      AuthService,
      ReviewerService,
      OnboardingService,
      CompanyChangeService,
      InfoOperationsService,
      BasicInfoService,
      BusinessInfoVerificationService,
      SpecialistService,
      CertificateService,
      ModuleRef,
    ],
    useFactory: (
      clock: Clock,
      dataSource: DataSource,
      auth: AuthService,
      reviewers: ReviewerService,
      onboarding: OnboardingService,
      changes: CompanyChangeService,
      ops: InfoOperationsService,
      basic: BasicInfoService,
      businessVerifications: BusinessInfoVerificationService,
      specialists: SpecialistService,
      certificates: CertificateService,
      moduleRef: ModuleRef,
    ) => {
      const components = createAdminComponents();
      const kit: AdminKit = { clock, reviewers, components: { recordDecision: components.recordDecision } };
      const get = <T>(type: Type<T>): T => moduleRef.get(type, { strict: false });
      const adminJsOptions: AdminJSOptions = {
        rootPath: ADMIN_ROOT_PATH,
        loginPath: `${ADMIN_ROOT_PATH}/login`,
        logoutPath: `${ADMIN_ROOT_PATH}/logout`,
        componentLoader: components.loader,
        resources: [
          ...infoAdminResources({
            kit,
            onboarding,
            basicInfo: { changes, ops, basic },
            businessVerifications,
          }),
          ...orgAdminResources({ kit, specialists, certificates }),
          ...certificationAdminResources({ kit, get }),
          ...buildAdminResources({ kit, get }),
          ...opportunityAdminResources({ kit, get }),
          ...platformAdminResources(),
        ],
        dashboard: { component: components.dashboard, handler: dashboardHandler(dataSource) },
        branding: {
          companyName: ADMIN_BRAND,
          logo: false,
          favicon: FAVICON,
          withMadeWithLove: false,
        },
        version: { admin: false },
        locale: {
          language: 'en',
          availableLanguages: ['en'],
          translations: {
            en: {
              messages: {
                loginWelcome:
                  'Huawei-side reviewers sign in with their reviewer account. Partner accounts cannot use this panel.',
              },
              components: {
                Login: {
                  welcomeHeader: 'Open Partner Center',
                  welcomeMessage: 'Reviewer panel: onboarding decisions, partner data, audit log and outbox.',
                },
              },
            },
          },
        },
      };
      const sessionOptions: SessionOptions = {
        secret: cfg.SESSION_SECRET,
        store: new TypeormSessionStore(dataSource, clock, ADMIN_SESSION_TTL_MS),
        resave: false,
        saveUninitialized: false,
        rolling: true,
        cookie: {
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          path: ADMIN_ROOT_PATH,
          maxAge: ADMIN_SESSION_TTL_MS,
        },
      };
      return {
        adminJsOptions,
        auth: {
          authenticate: (email: string, password: string) =>
            authenticateReviewer(auth, reviewers, email, password),
          cookieName: ADMIN_COOKIE_NAME,
          cookiePassword: cfg.SESSION_SECRET,
        },
        sessionOptions,
      };
    },
  });
}

/**
 * Verifies a reviewer's own credentials through AuthService.login('reviewer', …): only reviewer credentials
 * are looked up, failures are counted by the same throttle as the API, and the API token that login issues
 * is revoked at once (the panel works on its session). Null → AdminJS shows "invalid credentials".
 */
export async function authenticateReviewer(
  auth: AuthService,
  reviewers: ReviewerService,
  email: unknown,
  password: unknown,
): Promise<ReviewerAdmin | null> {
  if (typeof email !== 'string' || typeof password !== 'string' || !email.trim() || !password) return null;
  let issued;
  try {
    issued = await auth.login('reviewer', email.trim(), password);
  } catch (err) {
    // AdminJS renders the thrown message as a translation key of its login page
    if (err instanceof DomainError && err.code === 'AUTH_LOGIN_THROTTLED')
      throw new Error('tooManyRequests', { cause: err });
    if (err instanceof DomainError) return null;
    throw err;
  }
  await auth.revoke(issued.token);
  if (issued.subjectKind !== 'reviewer') return null;
  const principal = await reviewers.resolve(issued.subjectId);
  if (!principal) return null;
  return {
    id: issued.subjectId,
    email: principal.email,
    title: principal.email,
    roles: [...principal.roles],
    flags: [...principal.flags],
  };
}

interface DashboardCard {
  key: string;
  label: string;
  value: number;
  href: string | null;
}

function dashboardHandler(dataSource: DataSource): PageHandler {
  return async (
    _request: unknown,
    _response: unknown,
    context: { currentAdmin?: CurrentAdmin; h: AdminH },
  ) => {
    const { currentAdmin, h } = context;
    const reviewer = reviewerOf(currentAdmin);
    const cards: DashboardCard[] = [];
    const list = (resourceId: string, search = '') =>
      h.resourceActionUrl({ resourceId, actionName: 'list', search });
    if (hasReviewerRole(currentAdmin, ['operations'])) {
      cards.push({
        key: 'manual-review',
        label: 'Onboarding applications awaiting manual review',
        value: await dataSource
          .getRepository(OnboardingApplication)
          .count({ where: { status: 'manual_review' } }),
        href: list('OnboardingApplication', '?filters.status=manual_review'),
      });
    }
    cards.push(
      {
        key: 'active-accounts',
        label: 'Active partner accounts',
        value: await dataSource.getRepository(PartnerAccount).count({ where: { status: 'active' } }),
        href: list('PartnerAccount', '?filters.status=active'),
      },
      {
        key: 'legal-entities',
        label: 'Legal entities',
        value: await dataSource.getRepository(LegalEntity).count(),
        href: list('LegalEntity'),
      },
    );
    if (hasReviewerRole(currentAdmin, PLATFORM_READER_ROLES)) {
      cards.push({
        key: 'pending-notifications',
        label: 'Notifications waiting for delivery',
        value: await dataSource.getRepository(Notification).count({ where: { status: 'pending' } }),
        href: list('Notification', '?filters.status=pending'),
      });
    }
    return { reviewer: { email: reviewer?.email ?? '', roles: reviewer?.roles ?? [] }, cards };
  };
}

type AdminH = {
  resourceActionUrl(p: { resourceId: string; actionName: string; search?: string }): string;
};
