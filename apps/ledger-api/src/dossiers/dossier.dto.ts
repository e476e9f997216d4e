import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsObject, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DOSSIER_CHANNELS, PROJECT_CODE_PATTERN, type DossierChannel, type DossierOutcome } from '@ledger/domain';
import { DOSSIER_GROUP_DIMENSIONS, INBOX_STATUSES, type DossierGroupDimension, type InboxStatus } from '@ledger/reporting';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';
import { NARRATIVE_LANGS } from '../reports/narrative/narrative';
import type { Lang } from '@ledger/labels';

export const DOSSIER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 instant with offset, e.g. 2025-01-15T09:30:00+07:00';
const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
const ID_MESSAGE = '$property must be an identifier such as BQL-BG';

const Instant = (example: string) => (target: object, key: string) => {
  ApiProperty({ example })(target, key);
  IsString()(target, key);
  Matches(INSTANT, { message: INSTANT_MESSAGE })(target, key);
};
const Text = (max: number, optional = false) => (target: object, key: string) => {
  if (optional) IsOptional()(target, key);
  IsString()(target, key);
  Length(1, max)(target, key);
};
const DocumentList = (min: number) => (target: object, key: string) => {
  IsArray()(target, key);
  ArrayMinSize(min)(target, key);
  ArrayMaxSize(200)(target, key);
  IsString({ each: true })(target, key);
  Length(1, 300, { each: true })(target, key);
};

export class ApplicantDto {
  @ApiProperty({ example: 'ABC Electronics Co., Ltd.' }) @Text(300) name!: string;
  @ApiProperty({ example: 'abc@example.com, 0204 123 456' }) @Text(300) contact!: string;
}

export class ReceiveDossierDto {
  @ApiProperty({ example: 'BG-2025-000123', description: 'the dossier number given at the one-stop desk' })
  @IsString()
  @Matches(DOSSIER_ID_PATTERN, { message: '$property must be 1–64 letters, digits, dots, dashes or underscores' })
  dossierId!: string;

  @ApiProperty({ example: 'ADJUST_IRC', description: 'a code of config/procedures.json' })
  @IsString()
  @Matches(CODE, { message: '$property must be a procedure code such as ADJUST_IRC' })
  procedureCode!: string;

  @ApiProperty({ example: 'BQL-BG' }) @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) boardId!: string;
  @Instant('2025-01-15T09:30:00+07:00') receivedAt!: string;
  @ApiProperty({ enum: DOSSIER_CHANNELS }) @IsIn(DOSSIER_CHANNELS) channel!: DossierChannel;
  @ApiProperty({ type: ApplicantDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;

  @ApiPropertyOptional({ example: '2101234567', description: 'when the procedure concerns an existing project' })
  @IsOptional()
  @IsString()
  @Matches(PROJECT_CODE_PATTERN, { message: '$property must be a project code' })
  projectCode?: string;

  @ApiProperty({ example: ['Văn bản đề nghị điều chỉnh dự án đầu tư'] }) @DocumentList(1) documents!: string[];
}

export class SupplementRequestDto {
  @Instant('2025-01-17T10:00:00+07:00') requestedAt!: string;
  @ApiProperty({ example: ['Hợp đồng thuê đất'] }) @DocumentList(1) missingDocuments!: string[];
  @ApiPropertyOptional() @Text(2000, true) note?: string;
}

export class SupplementDto {
  @Instant('2025-01-22T08:30:00+07:00') supplementedAt!: string;
  @ApiProperty({ example: ['Hợp đồng thuê đất'] }) @DocumentList(1) documents!: string[];
}

export class ActLinkDto {
  @ApiProperty({ example: '2101234567' }) @IsString() @Matches(PROJECT_CODE_PATTERN, { message: '$property must be a project code' }) projectCode!: string;
  @ApiProperty({ example: 3, description: 'the stream version of the act' }) @IsInt() @Min(1) @Max(1_000_000) version!: number;
}

export class ResolutionDto {
  @Instant('2025-01-28T15:00:00+07:00') resolvedAt!: string;
  @ApiProperty({ enum: ['APPROVED', 'REFUSED'] }) @IsIn(['APPROVED', 'REFUSED']) outcome!: DossierOutcome;

  @ApiPropertyOptional({ type: [ActLinkDto], description: 'approved: the ledger acts the dossier produced' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ActLinkDto)
  acts?: ActLinkDto[];

  @ApiPropertyOptional({ description: 'refused: the reason, in writing' }) @Text(4000, true) reason?: string;
}

export class DelayDto {
  @Instant('2025-01-27T09:00:00+07:00') delayedAt!: string;
  @ApiProperty({ description: 'the written apology to the applicant' }) @Text(4000) apology!: string;
  @ApiProperty({ example: '2025-02-05' }) @IsLegalDate() newAppointmentOn!: string;
}

export class WithdrawalDto {
  @Instant('2025-01-20T09:00:00+07:00') withdrawnAt!: string;
  @ApiPropertyOptional() @Text(2000, true) reason?: string;
}

export class TransferDto {
  @Instant('2025-01-20T09:00:00+07:00') transferredAt!: string;
  @ApiProperty({ example: 'Sở Tài chính tỉnh Bắc Ninh' }) @Text(300) toAgency!: string;
  @ApiProperty() @Text(2000) reason!: string;
}

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

/** Read-your-writes on the dossier reads. */
export class DossierReadDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{1,18}$/, { message: '$property must be a global position returned by a command' }) minPosition?: string;
}

export class InboxQueryDto extends DossierReadDto {
  @ApiPropertyOptional({ example: 'BQL-BG', description: 'officers see their own board' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) boardId?: string;
  @ApiPropertyOptional({ enum: INBOX_STATUSES }) @IsOptional() @IsIn(INBOX_STATUSES) status?: InboxStatus;
  @ApiPropertyOptional({ example: 200 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class DossierReportQueryDto extends DossierReadDto {
  @ApiProperty({ example: '2025-01-01' }) @IsLegalDate() from!: string;
  @ApiProperty({ example: '2025-06-30' }) @IsLegalDate() to!: string;
  @ApiPropertyOptional({ example: 'RRD' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) regionId?: string;
  @ApiPropertyOptional({ example: 'BG' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) provinceId?: string;
  @ApiPropertyOptional({ example: 'BQL-BG' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) boardId?: string;
  @ApiPropertyOptional({ example: 'ADJUST_IRC' }) @IsOptional() @IsString() @Matches(CODE, { message: '$property must be a procedure code' }) procedureCode?: string;

  @ApiPropertyOptional({ description: `comma-separated: ${DOSSIER_GROUP_DIMENSIONS.join(', ')}` })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(2)
  @IsIn(DOSSIER_GROUP_DIMENSIONS, { each: true, message: `each groupBy must be one of ${DOSSIER_GROUP_DIMENSIONS.join(', ')}` })
  groupBy?: DossierGroupDimension[];

  @ApiPropertyOptional({ description: 'only events recorded by this system time' }) @IsOptional() @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp' }) knownAt?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class DossierNarrativeQueryDto extends OmitType(DossierReportQueryDto, ['format', 'groupBy'] as const) {
  @ApiPropertyOptional({ enum: NARRATIVE_LANGS, default: 'vi' }) @IsOptional() @IsIn(NARRATIVE_LANGS) lang?: Lang;
  @ApiPropertyOptional({ enum: ['json', 'text'], default: 'json' }) @IsOptional() @IsIn(['json', 'text']) format?: 'json' | 'text';
}
