/** Events the invite service consumes (none in the accounts part). */
export const INVITE_CONSUMES: string[] = [];
