import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { Actor } from './actor';
import { PageRequest } from './paging';

/**
 * The bases of the requests made on behalf of the actor the gateway authenticated: the actor alone, or
 * the actor and the one tenancy or Hub the request is about. The owning service decides what the actor may do.
 */
export class ActorRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;
}

/** A page of something, asked for by an actor. */
export class ActorPageRequest extends PageRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;
}

export class TenancyActorRequest extends ActorRequest {
  @IsUUID()
  tenancyId!: string;
}

export class TenancyActorPageRequest extends ActorPageRequest {
  @IsUUID()
  tenancyId!: string;
}

export class HubActorRequest extends ActorRequest {
  @IsUUID()
  hubId!: string;
}

export class HubActorPageRequest extends ActorPageRequest {
  @IsUUID()
  hubId!: string;
}
