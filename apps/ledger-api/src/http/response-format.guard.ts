import { BadRequestException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RESPONSE_FORMATS } from '../reports/export/exportable';
import { problem } from './problem';

const DEFAULT_FORMATS: readonly string[] = ['json'];

/**
 * `?format=` on a route that cannot answer in that format is a 400 naming the formats it can,
 * never a silent JSON answer. Routes declare their formats (`@Exportable`, `@ResponseFormats`).
 */
@Injectable()
export class ResponseFormatGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const format = context.switchToHttp().getRequest<Request>().query?.format;
    if (format === undefined) return true;
    const formats = this.reflector.getAllAndOverride<readonly string[] | undefined>(RESPONSE_FORMATS, [context.getHandler(), context.getClass()]) ?? DEFAULT_FORMATS;
    if (typeof format === 'string' && formats.includes(format)) return true;
    throw new BadRequestException(
      problem(400, 'FORMAT_NOT_SUPPORTED', 'The request is invalid', `format ${JSON.stringify(format)} is not supported here; supported formats: ${formats.join(', ')}`, { supportedFormats: [...formats] }),
    );
  }
}
