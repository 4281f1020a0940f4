import { ActionIcon, Menu } from '@mantine/core';
import {
  IconDots,
  IconShieldCheck,
  IconShieldOff,
  IconUserMinus,
  IconUserShare,
  IconMail,
  IconMailOff,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Membership, UpdateMember } from '../../api/types';
import { useAccount } from '../../app/auth';
import { USER_TYPE_LABEL } from '../../ui/labels';
import { ConfirmMemberChange, type MemberChange } from './ConfirmMemberChange';

/** What a Hub admin can do to one member; every choice asks for confirmation first. */
function changesFor(member: Membership): MemberChange[] {
  const name = member.displayName;
  const otherType = member.userType === 'TEAM_MEMBER' ? 'EXTERNAL_MEMBER' : 'TEAM_MEMBER';
  const changes: MemberChange[] = [
    {
      label: `Change to ${USER_TYPE_LABEL[otherType]}`,
      icon: <IconUserShare size={16} aria-hidden />,
      title: `Change ${name} to ${USER_TYPE_LABEL[otherType]}?`,
      explanation:
        otherType === 'EXTERNAL_MEMBER'
          ? `${name} will see only Team Members in this Hub and will not be able to invite anyone.`
          : `${name} will see everyone in this Hub and may invite people.`,
      confirm: `Change to ${USER_TYPE_LABEL[otherType]}`,
      done: `${name} is now a ${USER_TYPE_LABEL[otherType]}.`,
      change: { userType: otherType } satisfies UpdateMember,
    },
    member.isHubAdmin
      ? {
          label: 'Remove Hub admin',
          icon: <IconShieldOff size={16} aria-hidden />,
          title: `Remove ${name} as Hub admin?`,
          explanation: `${name} stays in the Hub as a Team Member but can no longer manage members or the registration link.`,
          confirm: 'Remove Hub admin',
          done: `${name} is no longer a Hub admin.`,
          change: { isHubAdmin: false },
        }
      : {
          label: 'Make Hub admin',
          icon: <IconShieldCheck size={16} aria-hidden />,
          title: `Make ${name} a Hub admin?`,
          explanation: `${name} will be able to manage members, pending invites and the registration link of this Hub.`,
          confirm: 'Make Hub admin',
          done: `${name} is now a Hub admin.`,
          change: { isHubAdmin: true },
        },
  ];
  if (member.userType === 'TEAM_MEMBER') {
    changes.push(
      member.canInvite
        ? {
            label: 'Turn invite permission off',
            icon: <IconMailOff size={16} aria-hidden />,
            title: `Stop ${name} from inviting?`,
            explanation: `${name} will no longer be able to send invites to this Hub. Invites already sent stay valid.`,
            confirm: 'Turn invite permission off',
            done: `${name} can no longer invite people.`,
            change: { canInvite: false },
          }
        : {
            label: 'Turn invite permission on',
            icon: <IconMail size={16} aria-hidden />,
            title: `Let ${name} invite people?`,
            explanation: `${name} will be able to invite Team Members and External Members to this Hub.`,
            confirm: 'Turn invite permission on',
            done: `${name} can invite people again.`,
            change: { canInvite: true },
          },
    );
  }
  changes.push({
    label: 'Remove from Hub',
    icon: <IconUserMinus size={16} aria-hidden />,
    title: `Remove ${name} from this Hub?`,
    explanation: `${name} (${member.email}) loses access to this Hub at once. You can invite them again later.`,
    confirm: 'Remove from Hub',
    done: `${name} was removed from the Hub.`,
    change: 'remove',
    danger: true,
  });
  return changes;
}

export function MemberMenu({ member }: { member: Membership }) {
  const [chosen, setChosen] = useState<MemberChange | null>(null);
  const isYou = useAccount().id === member.accountId;
  // On your own row the question says so: losing your own admin flag or membership cannot be undone by you.
  const changes = changesFor(member).map((change) =>
    isYou
      ? { ...change, explanation: `${change.explanation} This is you: only another Hub admin can undo it.` }
      : change,
  );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.displayName}`}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {changes.map((change) => (
            <Menu.Item
              key={change.label}
              leftSection={change.icon}
              color={change.danger ? 'red' : undefined}
              onClick={() => setChosen(change)}
            >
              {change.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ConfirmMemberChange member={member} change={chosen} onClose={() => setChosen(null)} />
    </>
  );
}
