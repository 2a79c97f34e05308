import type { TFunction } from 'i18next';
import type { ChatConversationFragment, ChatPersonFragment } from '@web/lib/graphql/graphql';

/** The other participants' member ids. */
export function others(
  conversation: Pick<ChatConversationFragment, 'participants'>,
  memberId: string,
): string[] {
  return conversation.participants.map((participant) => participant.memberId).filter((id) => id !== memberId);
}

/** A person's name as the chat shows it: their display name, or a neutral word while unknown. */
export function personName(
  t: TFunction<'chat'>,
  people: Map<string, ChatPersonFragment> | undefined,
  memberId: string,
): string {
  return people?.get(memberId)?.displayName ?? t('person.unknown');
}

/** A group's title; a direct conversation is called by the partner's name. */
export function conversationTitle(
  t: TFunction<'chat'>,
  conversation: Pick<ChatConversationFragment, 'kind' | 'title' | 'participants'>,
  memberId: string,
  people: Map<string, ChatPersonFragment> | undefined,
): string {
  if (conversation.kind === 'GROUP') {
    return conversation.title ?? t('list.untitledGroup');
  }
  const partner = others(conversation, memberId)[0];
  return partner ? personName(t, people, partner) : t('list.justYou');
}
