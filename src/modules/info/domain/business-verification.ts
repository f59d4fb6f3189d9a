/**
 * Business info verification as data (info.md "BusinessInfoVerification.status", "BankLetter.status"; FAQ 6.2)
 * and its pure rules: tax rate (INFO-027), bank-data checks (INFO-024, INFO-033), supplier comparison
 * (INFO-030), bank-letter file check (INFO-031).
 */
import type { StateMachineDefinition } from '../../../../libs/state-machine/index.js';
import { Decimal } from '../../../../libs/money/index.js';
import type {
  BankLetter,
  BankLetterStatus,
  BusinessInfoVerification,
  BusinessVerificationStatus,
  ContractingEntitySwitch,
  ContractingEntitySwitchStatus,
  RequestedBankData,
  SupplierCheckResult,
  TaxpayerType,
} from '../entities/business-verification.entities.js';
import { InfoErrors } from '../info.errors.js';
import type { SupplierBankData } from '../ports/supplier-registry.port.js';
import { sameCompanyName } from './entity-codes.js';

/**
 * The status table. "(none) → verifying" (first submission, re-verification as version n+1, contracting-entity
 * switch, offline bank change as version n+1 in `bank_letter_required`) is a `create()`; the previous version
 * keeps its status as history — the newest version is the pair's status.
 */
export const BUSINESS_VERIFICATION_MACHINE: StateMachineDefinition<
  BusinessVerificationStatus,
  BusinessInfoVerification
> = {
  entityType: 'business_info_verification',
  eventPrefix: 'info.business_verification',
  transitions: {
    verifying: ['verified', 'failed', 'bank_letter_required', 'manual_review'],
    manual_review: ['verified', 'failed', 'bank_letter_required'],
    bank_letter_required: ['verified', 'failed'],
    verified: [],
    failed: [],
  },
  invalidTransitionCode: 'INFO_VERIFICATION_STATE_INVALID',
  partnerAccountId: (v) => v.partnerAccountId,
  snapshot: (v) => ({
    status: v.status,
    version: v.version,
    contracting_entity_code: v.contractingEntityCode,
    bank_account_no: v.bankAccountNo,
    taxpayer_type: v.taxpayerType,
    tax_rate: v.taxRate.toFixed(2),
    invoice_mode: v.invoiceMode,
    failure_reason: v.failureReason,
    supplier_check: v.supplierCheck,
    reviewer_id: v.reviewerId,
  }),
};

/** BankLetter.status (info.md): awaiting_draft → draft_ready → signed_uploaded → accepted | rejected → … */
export const BANK_LETTER_MACHINE: StateMachineDefinition<BankLetterStatus, BankLetter> = {
  entityType: 'bank_letter',
  eventPrefix: 'info.bank_letter',
  transitions: {
    awaiting_draft: ['draft_ready'],
    draft_ready: ['signed_uploaded'],
    signed_uploaded: ['accepted', 'rejected'],
    rejected: ['signed_uploaded'],
    accepted: [],
  },
  invalidTransitionCode: 'INFO_BANK_LETTER_STATE_INVALID',
  partnerAccountId: (l) => l.partnerAccountId,
  snapshot: (l) => ({
    status: l.status,
    draft_file_id: l.draftFileId,
    signed_scan_file_id: l.signedScanFileId,
    reject_reason: l.rejectReason,
    overdue: l.overdue,
  }),
};

export const CONTRACTING_ENTITY_SWITCH_MACHINE: StateMachineDefinition<
  ContractingEntitySwitchStatus,
  ContractingEntitySwitch
> = {
  entityType: 'contracting_entity_switch',
  eventPrefix: 'info.contracting_entity_switch',
  transitions: { scheduled: ['completed', 'skipped'], completed: [], skipped: [] },
  partnerAccountId: (s) => s.partnerAccountId,
  snapshot: (s) => ({
    status: s.status,
    from_code: s.fromCode,
    to_code: s.toCode,
    verification_id: s.verificationId,
    skip_reason: s.skipReason,
  }),
};

/** INFO-027: general → 6 %, small-scale → 3 % (12.1.5.8). */
export function taxRateOf(type: TaxpayerType): Decimal {
  return new Decimal(type === 'general' ? '6.00' : '3.00');
}

/** The statuses in which no new version may be submitted (INFO-032). */
export const IN_PROGRESS: readonly BusinessVerificationStatus[] = [
  'verifying',
  'manual_review',
  'bank_letter_required',
];

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').toUpperCase();

/** INFO-030: does Huawei's supplier system hold other bank details for the company? */
export function compareWithSupplier(
  supplier: SupplierBankData | null,
  submitted: { bankAccountNo: string; bankAccountName: string },
): SupplierCheckResult {
  if (!supplier) return 'not_a_supplier';
  if (norm(supplier.bankAccountNo) !== norm(submitted.bankAccountNo)) return 'mismatch';
  if (supplier.bankAccountName && !sameCompanyName(supplier.bankAccountName, submitted.bankAccountName)) {
    return 'mismatch';
  }
  return 'match';
}

export const BANK_CHANGE_FIELDS: ReadonlyArray<{ key: keyof RequestedBankData; max: number }> = [
  { key: 'supplier_name', max: 200 },
  { key: 'bank_name', max: 100 },
  { key: 'bank_account_no', max: 40 },
  { key: 'branch_name', max: 200 },
  { key: 'branch_code', max: 20 },
  { key: 'bank_account_name', max: 200 },
  { key: 'currency', max: 3 },
];

/**
 * INFO-033: an offline bank change needs all 7 fields (supplier name, bank, account number, branch name,
 * branch code, account name, currency), each a non-blank string within its column's length; the currency is
 * three upper-case letters. The API DTO checks the same shape; the admin panel sends a JSON text, so the
 * service checks it again here.
 */
export function parseBankChange(input: unknown): RequestedBankData {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'bank_data' });
  }
  const body = input as Record<string, unknown>;
  const out: Partial<RequestedBankData> = {};
  for (const { key, max } of BANK_CHANGE_FIELDS) {
    const v = body[key];
    if (typeof v !== 'string' || v.trim() === '' || v.trim().length > max) {
      throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: key });
    }
    out[key] = v.trim();
  }
  if (!/^[A-Z]{3}$/.test(out.currency!))
    throw InfoErrors.fail('INFO_FIELD_INVALID', undefined, { field: 'currency' });
  return out as RequestedBankData;
}

/** INFO-031 (Open point 8): one PDF, JPG or PNG file of at most 10 MB. */
export const BANK_LETTER_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * The file type is taken from its content (magic bytes), not from the name or the declared MIME type, which
 * the client chooses; a mislabelled but valid file is stored with the detected type.
 */
export function detectLetterType(buffer: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (buffer.length >= 5 && buffer.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length >= 8 && png.every((b, i) => buffer[i] === b)) return 'image/png';
  return null;
}

export function checkLetterFile(file: UploadedFile | undefined): { contentType: string; fileName: string } {
  if (!file || !Buffer.isBuffer(file.buffer) || file.size === 0 || file.buffer.length === 0) {
    throw InfoErrors.fail('INFO_BANK_LETTER_FILE_INVALID', undefined, { reason: 'missing' });
  }
  if (file.buffer.length > BANK_LETTER_MAX_BYTES) {
    throw InfoErrors.fail('INFO_BANK_LETTER_FILE_INVALID', undefined, { reason: 'too_large' });
  }
  const contentType = detectLetterType(file.buffer);
  if (!contentType) throw InfoErrors.fail('INFO_BANK_LETTER_FILE_INVALID', undefined, { reason: 'type' });
  const fileName = (file.originalname || 'bank-letter').replace(/[\\/\r\n"]/g, '_').slice(0, 255);
  return { contentType, fileName };
}

/**
 * The draft letter operations generate from the partner's bank data (6.2.9) when they do not upload their own
 * document: a one-page PDF listing the 7 fields, to be stamped with a wet seal. Text is ASCII-escaped; Chinese
 * names are written as \uXXXX escapes (a real deployment uses its letter template service).
 */
export function generateDraftLetter(data: RequestedBankData, issuedOn: string): Buffer {
  const esc = (s: string): string =>
    s
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/([()\\])/g, '\\$1');
  const lines = [
    'Bank account confirmation letter (draft)',
    `Date: ${issuedOn}`,
    `Supplier name: ${data.supplier_name}`,
    `Bank: ${data.bank_name}`,
    `Account number: ${data.bank_account_no}`,
    `Branch name: ${data.branch_name}`,
    `Branch code: ${data.branch_code}`,
    `Account name: ${data.bank_account_name}`,
    `Currency: ${data.currency}`,
    'Stamp with the company, finance or contract seal (wet seal); electronic seals are not accepted.',
  ];
  const text = lines.map((l, i) => `BT /F1 11 Tf 50 ${780 - i * 20} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
