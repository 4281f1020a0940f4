import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@gatehouse/contracts';
import type { AuthenticatedRequest } from './auth.guard';

/** The signed-in account, as the AuthGuard verified it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
