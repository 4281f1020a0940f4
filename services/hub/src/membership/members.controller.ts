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
import { AddMembersBulk } from './add-members-bulk.usecase';
import { FindMembers } from './find-members.usecase';
import { GetMembership } from './get-membership.usecase';
import { ListMembers } from './list-members.usecase';
import { RemoveMember } from './remove-member.usecase';
import { UpdateMember } from './update-member.usecase';

@Controller()
export class MembersController {
  constructor(
    private readonly getMembership: GetMembership,
    private readonly listMembers: ListMembers,
    private readonly addMembersBulk: AddMembersBulk,
    private readonly findMembers: FindMembers,
    private readonly updateMember: UpdateMember,
    private readonly removeMember: RemoveMember,
  ) {}

  @MessagePattern(HUB_PATTERNS.MEMBERSHIP_GET)
  get(@Payload() request: GetMembershipRequest) {
    return this.getMembership.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_LIST)
  list(@Payload() request: ListMembersRequest) {
    return this.listMembers.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_ADD_BULK)
  addBulk(@Payload() request: AddMembersBulkRequest) {
    return this.addMembersBulk.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_FIND_MANY)
  findMany(@Payload() request: FindMembersRequest) {
    return this.findMembers.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_UPDATE)
  update(@Payload() request: UpdateMemberRequest) {
    return this.updateMember.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.MEMBER_REMOVE)
  remove(@Payload() request: RemoveMemberRequest) {
    return this.removeMember.execute(request);
  }
}
