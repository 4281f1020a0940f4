import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddMembersBulkRequest,
  FindMembersRequest,
  GetMembershipRequest,
  HUB_PATTERNS,
  ListMembersRequest,
  RemoveMemberRequest,
  UpdateMemberRequest,
} from '@gatehouse/contracts';
import { MembersService } from './update-member.usecase';

@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @MessagePattern(HUB_PATTERNS.MEMBERSHIP_GET)
  get(@Payload() request: GetMembershipRequest) {
    return this.members.get(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_LIST)
  list(@Payload() request: ListMembersRequest) {
    return this.members.list(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_ADD_BULK)
  addBulk(@Payload() request: AddMembersBulkRequest) {
    return this.members.addBulk(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_FIND_MANY)
  findMany(@Payload() request: FindMembersRequest) {
    return this.members.findMany(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_UPDATE)
  update(@Payload() request: UpdateMemberRequest) {
    return this.members.update(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_REMOVE)
  remove(@Payload() request: RemoveMemberRequest) {
    return this.members.remove(request);
  }
}
