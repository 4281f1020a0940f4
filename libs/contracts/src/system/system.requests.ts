import { ActorRequest } from '../actor-request';

/** Operators only: the service refuses anyone else with PERMISSION.DENIED. */
export class SystemHealthRequest extends ActorRequest {}
