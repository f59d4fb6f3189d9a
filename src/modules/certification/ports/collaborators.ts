/**
 * What the certification module needs from modules that depend on it (certification-paths.md "External systems").
 * info, org, build, benefits, delivery and opportunity all import certification (they read memberships and the
 * path stage), so certification cannot import them back. Instead each of them registers its reader here at
 * start-up (`onModuleInit`), the way jobs register in the JobRegistry and org registers its member-profile
 * handler with info. A reader that no module registered answers "none" — that is the case for benefits and
 * delivery until their issues implement `BenefitRecordReader` (certification-paths.md PATH-022).
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext, Site } from '../../../../libs/context/index.js';
import type { DevelopmentPath } from './membership.port.js';

/** A partner account as certification rules need it (read from the info module). */
export interface AccountFacts {
  partnerAccountId: string;
  accountName: string;
  legalEntityId: string | null;
  /** the legal entity's company name (employment-proof issuer, PATH-013); null before onboarding */
  companyName: string | null;
  site: Site;
  status: 'registered' | 'onboarding' | 'active' | 'deregistered';
  abandoned: boolean;
  hcpnJoinedAt: Date | null;
  /** 拓渠业绩主账号 (national distributor scorecard account, certification-paths.md) */
  channelExpansionAccount: boolean;
  enterpriseRealnameVerified: boolean;
  emailBound: boolean;
  /** the account's notification addresses (info.md account contact), null when unknown */
  email: string | null;
  mobile: string | null;
}

/** Implemented by the info module. */
export interface AccountDirectory {
  facts(partnerAccountId: string): Promise<AccountFacts | null>;
  /** upper-cased USCC → legal entity id, for the USCCs that are known (operations uploads) */
  legalEntityIdsByUscc(usccs: string[]): Promise<Map<string, string>>;
  /** every account of the legal entity (any status) */
  accountsOfLegalEntity(legalEntityId: string): Promise<AccountFacts[]>;
  /**
   * cloud-reseller exit (12.3.7): the account becomes `abandoned`; `t` is the caller's transactional context
   * (`TransactionRunner.run`), so the change and its audit commit with the caller's.
   */
  markAbandoned(t: RequestContext, partnerAccountId: string): Promise<void>;
}

export type CertificateLevel = 'entry' | 'working' | 'expert';

/** One valid, approved/synced certificate of a counted person (org.md PersonalCertificate). */
export interface CountedCertificate {
  /** certificate family as org stores it, e.g. `HCIA`, `HCIP`, `HCIE`, `HCCDA`, `HCCDP`, `HCCDE`, `HCSA`, `HCSP` */
  family: string;
  /** the certificate's name / direction, e.g. `HCIP-Cloud Service Solutions Architect` */
  name: string;
  level: CertificateLevel | 'professional' | 'other';
  validUntil: string | null;
}

export interface CountedPerson {
  personalAccountId: string;
  certificates: CountedCertificate[];
}

/** Implemented by the org module: `active` project specialists of the path with their valid certificates. */
export interface CountedPersonReader {
  list(partnerAccountId: string, path: DevelopmentPath, at: Date): Promise<CountedPerson[]>;
}

export type SolutionCertificationType = 'cloud_software' | 'advanced_cloud_software';

export interface ValidSolutionCertification {
  solutionId: string;
  certificationId: string;
  certificationType: SolutionCertificationType;
  certifiedOn: string;
  /** inclusive, `YYYY-MM-DD` */
  validUntil: string;
}

/** build.md "Offering" view (BUILD-030). */
export interface JointOfferingView {
  offeringId: string;
  partnerAccountId: string;
  offeringType: 'huawei_led_baseline' | 'partner_led_baseline' | 'marketplace_product';
  /** `YYYY-MM-DD`; null = does not count */
  jointOfferingSince: string | null;
  jointOperationListed: boolean;
  countsForPceAssessment: boolean;
}

/** Implemented by the build module (certification-paths.md External systems; build.md BUILD-017, BUILD-030). */
export interface BuildFactsReader {
  /** certifications with `status = certified` and `valid_until ≥ at` (Asia/Shanghai date) */
  listValidCertifications(
    partnerAccountId: string,
    type: SolutionCertificationType | null,
    at: Date,
  ): Promise<ValidSolutionCertification[]>;
  /** any solution record of that type in any status, drafts and rejected included (PATH-022, Open point 7) */
  solutionRecordExists(partnerAccountId: string, type: SolutionCertificationType): Promise<boolean>;
  jointOfferings(partnerAccountId: string): Promise<JointOfferingView[]>;
}

/** Published by the build module after commit whenever a solution certification changes status. */
export const SOLUTION_CERTIFICATION_CHANGED_EVENT = 'build.solution-certification.changed';
export interface SolutionCertificationChangedPayload {
  partner_account_id: string;
  solution_id: string;
  certification_id: string;
  certification_type: SolutionCertificationType;
  status: string;
  certified_on: string | null;
  valid_until: string | null;
}

export type BenefitRecordKind = 'test_voucher' | 'exam_voucher' | 'mdf' | 'fh' | 'delivery_support';

/** Implemented by benefits (BEN-004) and delivery (DLV-036); any record in any status counts. */
export interface BenefitRecordReader {
  kinds: readonly BenefitRecordKind[];
  exists(partnerAccountId: string, kind: BenefitRecordKind): Promise<boolean>;
}

/** Implemented by the opportunity module (PCE enrollment, opportunity.md). */
export interface PceMembershipReader {
  /** `active` when the account accepted the PCE agreement and was admitted; null when never enrolled */
  status(partnerAccountId: string): Promise<'active' | 'exited' | null>;
}

@Injectable()
export class CertificationCollaborators {
  private accountDirectory: AccountDirectory | null = null;
  private countedPersonReader: CountedPersonReader | null = null;
  private buildFacts: BuildFactsReader | null = null;
  private pceReader: PceMembershipReader | null = null;
  private readonly benefitReaders: BenefitRecordReader[] = [];

  registerAccountDirectory(d: AccountDirectory): void {
    this.accountDirectory = d;
  }
  registerCountedPersonReader(r: CountedPersonReader): void {
    this.countedPersonReader = r;
  }
  registerBuildFacts(r: BuildFactsReader): void {
    this.buildFacts = r;
  }
  registerPceReader(r: PceMembershipReader): void {
    this.pceReader = r;
  }
  registerBenefitRecordReader(r: BenefitRecordReader): void {
    this.benefitReaders.push(r);
  }

  get accounts(): AccountDirectory {
    if (!this.accountDirectory)
      throw new Error('no AccountDirectory registered (the info module provides it)');
    return this.accountDirectory;
  }

  get countedPersons(): CountedPersonReader {
    return this.countedPersonReader ?? { list: async () => [] };
  }

  get build(): BuildFactsReader {
    return (
      this.buildFacts ?? {
        listValidCertifications: async () => [],
        solutionRecordExists: async () => false,
        jointOfferings: async () => [],
      }
    );
  }

  get pce(): PceMembershipReader {
    return this.pceReader ?? { status: async () => null };
  }

  /** true when a registered reader reports a record of that kind; false when no module owns the kind yet */
  async benefitRecordExists(partnerAccountId: string, kind: BenefitRecordKind): Promise<boolean> {
    for (const r of this.benefitReaders) {
      if (r.kinds.includes(kind) && (await r.exists(partnerAccountId, kind))) return true;
    }
    return false;
  }
}
