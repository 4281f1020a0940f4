/** Events the hub service consumes (none yet: the invite lifecycle's audit feed is added with invites). */
export const HUB_CONSUMES: string[] = [];
