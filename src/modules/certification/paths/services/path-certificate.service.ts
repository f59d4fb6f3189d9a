/**
 * Partner certificates of the paths (certification-paths.md PathCertificate, 10.1.1 item 10): list and PDF
 * download (`libs/pdf`, the `CertificateRenderer` of "External systems": every field also as PDF metadata).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../../../../libs/context/index.js';
import { renderPdf } from '../../../../../libs/pdf/index.js';
import { findOwnedOrFail } from '../../../../../libs/tenancy/index.js';
import { CertificationCollaborators } from '../../ports/collaborators.js';
import { PathCertificate } from '../entities/path.entities.js';
import { PathErrors } from '../paths.errors.js';
import { type CertificateView, certificateView } from './path-membership.service.js';

@Injectable()
export class PathCertificateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collaborators: CertificationCollaborators,
  ) {}

  async listForPartner(ctx: RequestContext): Promise<{ total_count: number; items: CertificateView[] }> {
    const rows = await this.dataSource.getRepository(PathCertificate).find({
      where: { partnerAccountId: ctx.partnerAccountId },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
    return { total_count: rows.length, items: rows.map(certificateView) };
  }

  /** Any certificate of the caller's account, whatever its status (the status is printed on it). */
  async download(
    ctx: RequestContext,
    id: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const c = await findOwnedOrFail(this.dataSource.manager, ctx, PathCertificate, { id }, () =>
      PathErrors.fail('PATH_CERTIFICATE_NOT_FOUND'),
    );
    const facts = await this.collaborators.accounts.facts(c.partnerAccountId);
    const company = facts?.companyName ?? facts?.accountName ?? c.partnerAccountId;
    const content = renderPdf({
      title: `Huawei Cloud Partner Certificate - ${c.title}`,
      lines: [
        `Company: ${company}`,
        `Development path: ${c.path}`,
        `Stage: ${c.stage}`,
        `Certificate no.: ${c.certificateNo}`,
        `Valid from ${c.validFrom} to ${c.validTo}`,
        `Status: ${c.status}`,
      ],
      metadata: {
        certificate_no: c.certificateNo,
        company_name: company,
        path: c.path,
        stage: c.stage,
        title: c.title,
        valid_from: c.validFrom,
        valid_to: c.validTo,
        status: c.status,
      },
      createdAt: ctx.now(),
    });
    return { fileName: `path-certificate-${c.certificateNo}.pdf`, contentType: 'application/pdf', content };
  }
}
