import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from '../../http/query-transforms';


/** A page of a project's history; the default page holds any real project's whole history. */
export class ProjectEventsQueryDto {
  @ApiPropertyOptional({ description: 'stream version the page starts after', example: 0 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional({ description: 'events per page (default 1000)', example: 1000 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) limit?: number;
}
