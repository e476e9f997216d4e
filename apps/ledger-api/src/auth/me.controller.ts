import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './auth.guard';

/** Who the ledger takes the signed-in person for today: role and board from the user directory, not from the token. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The signed-in person as the ledger sees them today (subject, name, role, board)' })
  me(@Req() req: AuthenticatedRequest) {
    const user = req.user as NonNullable<AuthenticatedRequest['user']>;
    return { sub: user.id, role: user.role, ...(user.boardId ? { boardId: user.boardId } : {}), ...(user.name ? { name: user.name } : {}) };
  }
}
