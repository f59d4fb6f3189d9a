/**
 * Business-licence recognition (FAQ 6.1.3; info.md "External systems", LicenseRecognitionPort): reads the
 * credit code printed on an uploaded licence. In-process fake: a code per file name, configured with
 * `PUT /api/v1/admin/test/fakes/license-recognition` and body `{ "files": { "<file id>": "<uscc or org code>" } }`
 * (or the map itself; `null` clears an entry). An unconfigured file whose name contains an 18-character
 * `[0-9A-Z]` token reads as that USCC (e.g. `licence-91310117557415205K.pdf`), a 9-character token as an org
 * code; anything else reads as nothing recognised.
 */
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';

export interface RecognisedLicence {
  uscc?: string;
  orgCode?: string;
}

export interface LicenseRecognitionPort {
  extractCode(fileId: string): Promise<RecognisedLicence>;
}

export const LICENSE_RECOGNITION_PORT = Symbol('LICENSE_RECOGNITION_PORT');

function classify(code: string): RecognisedLicence {
  const c = code.toUpperCase();
  if (/^[0-9A-Z]{18}$/.test(c)) return { uscc: c };
  if (/^[0-9A-Z]{9}$/.test(c)) return { orgCode: c };
  throw new RangeError(`not a USCC or organisation code: ${code}`);
}

@Injectable()
export class FakeLicenseRecognition implements LicenseRecognitionPort, ConfigurableFake {
  readonly portName = 'LicenseRecognitionPort';
  private readonly files = new Map<string, RecognisedLicence>();

  async extractCode(fileId: string): Promise<RecognisedLicence> {
    const configured = this.files.get(fileId);
    if (configured) return configured;
    const tokens = fileId.toUpperCase().split(/[^0-9A-Z]+/);
    const uscc = tokens.find((t) => /^[0-9A-Z]{18}$/.test(t) && /\d/.test(t));
    if (uscc) return { uscc };
    const orgCode = tokens.find((t) => /^[0-9A-Z]{9}$/.test(t) && /\d/.test(t));
    return orgCode ? { orgCode } : {};
  }

  configure(body: Record<string, unknown>): void {
    const map = (typeof body.files === 'object' && body.files ? body.files : body) as Record<string, unknown>;
    for (const [file, code] of Object.entries(map)) {
      if (file === 'files') continue;
      if (code === null) this.files.delete(file);
      else if (typeof code === 'string') this.files.set(file, classify(code));
      else throw new RangeError(`code for ${file} must be a string or null`);
    }
  }

  reset(): void {
    this.files.clear();
  }

  describe(): Record<string, unknown> {
    return { files: Object.fromEntries(this.files) };
  }
}
