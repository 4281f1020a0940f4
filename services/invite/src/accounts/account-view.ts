import { AccountView } from '@gatehouse/contracts';
import { AccountEntity } from './account.entity';

export const toAccountView = (a: AccountEntity): AccountView => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  isOperator: a.isOperator,
  createdAt: a.createdAt.toISOString(),
});
