import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gatehouse:public';

/** Marks a deliberate public endpoint (sign-in, accept an invite, join by link, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
