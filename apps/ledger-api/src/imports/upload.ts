import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { problem } from '../http/problem';

/** A register of 20,000 rows is about 2 MB; the JSON body limit does not apply to workbooks. */
export const REGISTER_UPLOAD_LIMIT_BYTES = 32 * 1_048_576;

/** The workbook of a raw (non-multipart) upload: the request body itself, bounded. */
export async function rawBodyOf(req: Request, limit = REGISTER_UPLOAD_LIMIT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeException(problem(413, 'PAYLOAD_TOO_LARGE', 'The workbook is too large', `registers up to ${limit} bytes are accepted`));
    chunks.push(chunk);
  }
  if (size === 0) throw new BadRequestException(problem(400, 'IMPORT_FILE_MISSING', 'No workbook', 'send the .xlsx as the request body, or as the multipart field "file"'));
  return Buffer.concat(chunks);
}
