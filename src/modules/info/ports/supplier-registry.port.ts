/**
 * Huawei's supplier system (供应商系统, FAQ 6.2.9; info.md INFO-030, SupplierRegistryPort): the bank data Huawei
 * already holds for a company that is a registered supplier, or null.
 *
 * In-process fake, a table per USCC, configured through `PUT /api/v1/admin/test/fakes/supplier-registry`:
 * `{ "suppliers": { "<uscc>": { "bank_account_no": "6222000011112222", "bank_name": "…",
 *   "bank_account_name": "…", "branch_name": "…", "branch_code": "…" } | null } }` (or the map itself).
 * Unknown USCCs are not suppliers.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';

export interface SupplierBankData {
  bankAccountNo: string;
  bankName: string | null;
  bankAccountName: string | null;
  branchName: string | null;
  branchCode: string | null;
}

export interface SupplierRegistryPort {
  getBankData(uscc: string): Promise<SupplierBankData | null>;
}

export const SUPPLIER_REGISTRY_PORT = Symbol('SUPPLIER_REGISTRY_PORT');

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

@Injectable()
export class FakeSupplierRegistry implements SupplierRegistryPort, ConfigurableFake {
  readonly portName = 'SupplierRegistryPort';
  private readonly suppliers = new Map<string, SupplierBankData>();

  async getBankData(uscc: string): Promise<SupplierBankData | null> {
    return this.suppliers.get(uscc.toUpperCase()) ?? null;
  }

  configure(body: Record<string, unknown>): void {
    const map = (body.suppliers && typeof body.suppliers === 'object' ? body.suppliers : body) as Record<
      string,
      unknown
    >;
    for (const [uscc, raw] of Object.entries(map)) {
      if (uscc === 'suppliers') continue;
      if (raw === null) {
        this.suppliers.delete(uscc.toUpperCase());
        continue;
      }
      if (typeof raw !== 'object') throw new TypeError(`bank data of ${uscc} must be an object or null`);
      const r = raw as Record<string, unknown>;
      const accountNo = str(r.bank_account_no);
      if (!accountNo) throw new TypeError(`bank_account_no of ${uscc} is required`);
      this.suppliers.set(uscc.toUpperCase(), {
        bankAccountNo: accountNo,
        bankName: str(r.bank_name),
        bankAccountName: str(r.bank_account_name),
        branchName: str(r.branch_name),
        branchCode: str(r.branch_code),
      });
    }
  }

  reset(): void {
    this.suppliers.clear();
  }

  describe(): Record<string, unknown> {
    return { suppliers: Object.fromEntries(this.suppliers) };
  }
}
