/**
 * A minimal, dependency-free PDF writer for certificates (certification-paths.md `CertificateRenderer`, build.md
 * BUILD-018): one A4 page with a title and text lines, and every certificate field in the document information
 * dictionary as custom keys (`/program (solution_provider)`, `/valid_to (2027-01-31)` …) so that clients and tests
 * can read the fields back without OCR. Strings are written as UTF-16BE hex, so Chinese company names survive
 * in the metadata; page text uses the standard Helvetica font and replaces characters outside Latin-1 by `?`.
 */

export interface PdfDocumentInput {
  title: string;
  lines: string[];
  /** custom information-dictionary entries; keys must match /^[A-Za-z][A-Za-z0-9_]*$/ */
  metadata: Record<string, string>;
  /** creation date written as /CreationDate (use the injected clock) */
  createdAt: Date;
}

const KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

function utf16Hex(s: string): string {
  let hex = 'FEFF';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) {
      const v = code - 0x10000;
      hex += (0xd800 + (v >> 10)).toString(16).padStart(4, '0');
      hex += (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, '0');
    } else {
      hex += code.toString(16).padStart(4, '0');
    }
  }
  return `<${hex.toUpperCase()}>`;
}

function latin1Literal(s: string): string {
  const safe = [...s].map((c) => (c.charCodeAt(0) < 256 && c.length === 1 ? c : '?')).join('');
  return `(${safe.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export function renderPdf(input: PdfDocumentInput): Buffer {
  for (const key of Object.keys(input.metadata)) {
    if (!KEY_RE.test(key)) throw new Error(`bad PDF metadata key ${key}`);
  }
  const text = [
    'BT /F1 20 Tf 72 770 Td',
    `${latin1Literal(input.title)} Tj`,
    '/F1 12 Tf 0 -36 Td 16 TL',
    ...input.lines.map((l) => `${latin1Literal(l)} '`),
    'ET',
  ].join('\n');
  const info = [
    `/Title ${utf16Hex(input.title)}`,
    '/Producer (Open Partner Center)',
    `/CreationDate (${pdfDate(input.createdAt)})`,
    ...Object.entries(input.metadata).map(([k, v]) => `/${k} ${utf16Hex(v)}`),
  ].join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< ${info} >>`,
  ];
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Reads the custom metadata back (tests and clients): `{ program: 'solution_provider', … }`. */
export function readPdfMetadata(pdf: Buffer): Record<string, string> {
  const s = pdf.toString('latin1');
  const m = /trailer\s*<<[^>]*\/Info (\d+) 0 R/.exec(s);
  if (!m) throw new Error('no /Info in trailer');
  const obj = new RegExp(`(?:^|\\n)${m[1]} 0 obj\\n<< (.*?) >>\\nendobj`, 's').exec(s);
  if (!obj) throw new Error('info object not found');
  const out: Record<string, string> = {};
  for (const e of obj[1].matchAll(/\/([A-Za-z][A-Za-z0-9_]*) <([0-9A-F]+)>/g)) {
    const hex = e[2].startsWith('FEFF') ? e[2].slice(4) : e[2];
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    out[e[1]] = String.fromCharCode(...units);
  }
  return out;
}
