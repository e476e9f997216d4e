import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { USER_ROLES, type UserRole } from '@ledger/domain';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';

export class GrantUserDto {
  @ApiProperty({ example: 'f3a1c0de-6b1e-4c43-9d7e-2b8c1a5e9f10', description: "the issuer's `sub` for the person (Keycloak: the user's id)" })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,255}$/, { message: '$property must be the issuer subject: 1–255 visible ASCII characters' })
  sub!: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'shown in the audit trail for every act the person records' })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional({ example: 'BQL-HN', description: 'officers only: the board they act for' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN)
  boardId?: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsLegalDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'last day of the right; omit for open-ended' })
  @IsOptional()
  @IsLegalDate()
  validTo?: string;
}

export class RevokeUserDto {
  @ApiProperty({ example: '2026-12-01', description: 'first day without the right: today or later' })
  @IsLegalDate()
  effectiveOn!: string;

  @ApiProperty({ example: 'chuyển công tác (transferred)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class UserAsOfDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'the date the rights are asked for (default: today)' })
  @IsOptional()
  @IsLegalDate()
  asOf?: string;
}
