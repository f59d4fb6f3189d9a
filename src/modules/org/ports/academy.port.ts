/**
 * Huawei Cloud Academy (云学堂, org.md "External systems"): the developer (HCCDA/HCCDP/HCCDE) and professional
 * (HCSA/HCSP) certificates of a personal account (ORG-025, J-ORG-4). The in-process adapter is the test fake:
 * `PUT /api/v1/admin/test/fakes/academy` with `{ "huawei_cloud_account_id": "…", "certificates": [{ "family":
 * "HCCDA", "track": "…", "certificate_no": "…", "issued_on": "2025-01-01", "valid_to": "2028-01-01" }] }`.
 */
import { Injectable } from '@nestjs/common';
import { isValidDate } from '../../../../libs/calendar/index.js';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import type { CertificateFamily } from '../entities/personal.entities.js';
import { SYNCED_FAMILIES } from '../domain/certificates.js';

export interface AcademyCertificate {
  family: CertificateFamily;
  track: string;
  certificateNo: string;
  issuedOn: string;
  validTo: string | null;
}

export interface AcademyCertificatePort {
  listCertificates(huaweiCloudAccountId: string): Promise<AcademyCertificate[]>;
}

export const ACADEMY_CERTIFICATE_PORT = Symbol('ACADEMY_CERTIFICATE_PORT');

@Injectable()
export class InProcessAcademy implements AcademyCertificatePort, ConfigurableFake {
  readonly portName = 'AcademyCertificatePort';
  private readonly byAccount = new Map<string, AcademyCertificate[]>();

  async listCertificates(huaweiCloudAccountId: string): Promise<AcademyCertificate[]> {
    return [...(this.byAccount.get(huaweiCloudAccountId) ?? [])];
  }

  configure(body: Record<string, unknown>): void {
    const id = body.huawei_cloud_account_id;
    if (typeof id !== 'string' || !id) throw new RangeError('huawei_cloud_account_id is required');
    if (!Array.isArray(body.certificates)) throw new RangeError('certificates must be a list');
    this.byAccount.set(
      id,
      (body.certificates as Array<Record<string, unknown>>).map((c) => {
        const family = c.family as CertificateFamily;
        if (!SYNCED_FAMILIES.has(family))
          throw new RangeError(`the academy does not issue ${String(family)}`);
        const issuedOn = String(c.issued_on ?? '');
        const validTo = c.valid_to === undefined || c.valid_to === null ? null : String(c.valid_to);
        if (!isValidDate(issuedOn) || (validTo !== null && !isValidDate(validTo))) {
          throw new RangeError('issued_on / valid_to must be YYYY-MM-DD');
        }
        const no = String(c.certificate_no ?? '');
        if (!no || no.length > 64) throw new RangeError('certificate_no is required (≤ 64 chars)');
        return {
          family,
          track: String(c.track ?? family).slice(0, 100),
          certificateNo: no,
          issuedOn,
          validTo,
        };
      }),
    );
  }

  reset(): void {
    this.byAccount.clear();
  }

  describe(): Record<string, unknown> {
    return { accounts: this.byAccount.size };
  }
}
