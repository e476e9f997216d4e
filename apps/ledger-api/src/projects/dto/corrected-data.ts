import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../http/validation';
import { problem } from '../../http/problem';
import { AdjustCertificateDto, CapitalChangeDto, OperationStartDto, RealizedCapitalDto, ResumptionDto, SuspensionDto, TerminationDto } from './acts.dto';
import { IssueCertificateDto } from './certificate.dto';

/** The request DTO an act was recorded through: a correction's values pass the same validation. */
const DTO_OF_EVENT: Record<string, new () => object> = {
  CertificateIssued: IssueCertificateDto,
  CapitalIncreased: CapitalChangeDto,
  CapitalDecreased: CapitalChangeDto,
  CertificateAdjusted: AdjustCertificateDto,
  CapitalRealized: RealizedCapitalDto,
  ProjectSuspended: SuspensionDto,
  ProjectResumed: ResumptionDto,
  OperationStarted: OperationStartDto,
  ProjectTerminated: TerminationDto,
};

/**
 * A correction sends only the fields it changes: merged over the act as it reads now, the result must
 * pass the validation of the act's own request (the ledger keeps the adjustment number itself).
 */
export function validateCorrectedData(targetType: string, current: Record<string, unknown> | undefined, changed: Record<string, unknown>): void {
  const Dto = DTO_OF_EVENT[targetType];
  if (!Dto) return; // the decider refuses the target with CORRECTION_TARGET_INVALID
  const { adjustmentNo: _numbered, ...merged } = { ...current, ...changed };
  const instance = plainToInstance(Dto, merged);
  const errors = flattenValidationErrors(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }), 'correctedData');
  if (errors.length) {
    throw new BadRequestException(
      problem(400, 'VALIDATION_FAILED', 'The request is invalid', errors.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | '), { errors }),
    );
  }
}
