import { StreamableFile } from '@nestjs/common';

/** A file produced in memory (a rendered certificate PDF, a letter draft). */
export interface DownloadableFile {
  fileName: string;
  content: Buffer;
  /** defaults to `application/pdf` (certificates, libs/pdf) */
  contentType?: string;
}

/** The HTTP response of a file download: its type and length, and an attachment with the URL-encoded file name. */
export function fileDownload(file: DownloadableFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType ?? 'application/pdf',
    length: file.content.length,
    disposition: `attachment; filename="${encodeURIComponent(file.fileName)}"`,
  });
}
