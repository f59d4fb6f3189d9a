/**
 * certification-labels.md LABEL-023 `CapabilityLabelReader`: the level-1 capability labels an account holds.
 * Consumed by the path rules (PATH-014, PATH-019, PATH-020) and by other modules through the module's exports.
 */
import type { Site } from '../../../../libs/context/index.js';

export interface HeldCapabilityLabel {
  partnerAccountId: string;
  labelCode: string;
  site: Site;
  grantedAt: Date;
  status: 'active' | 'revoked';
  /** the PartnerCapabilityLabel row id (added by the labels area; optional for readers built elsewhere) */
  id?: string;
  /** the LabelCertification that granted the label (null for labels granted outside the process) */
  sourceCertificationId?: string | null;
}

export interface CapabilityLabelReader {
  /** labels with `status = active` */
  listValid(partnerAccountId: string): Promise<HeldCapabilityLabel[]>;
}

export const CAPABILITY_LABEL_READER = Symbol('CAPABILITY_LABEL_READER');
