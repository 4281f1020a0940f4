import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Actor } from '../actor';

/** Operators only: the service refuses anyone else with PERMISSION.DENIED. */
export class SystemHealthRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;
}
