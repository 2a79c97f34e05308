/** "Search my messages" (English): the local search over what this device decrypted. */
export const searchEn = {
  open: 'Search my messages',
  title: 'Search my messages',
  intro:
    'The messages this browser has opened or sent are kept on this device, encrypted, and searched here: names and words match in any script.',
  back: '← All conversations',
  label: 'Words to find',
  hint: 'The search runs on this device only: the server cannot read your messages. “Yuldashev” also finds “Юлдашев”, “avtobus” finds “автобус”.',
  loading: 'Opening the search…',
  indexing_one: 'Indexing {{count}} message on this device…',
  indexing_other: 'Indexing {{count}} messages on this device…',
  ready_one: '{{count}} message on this device can be searched.',
  ready_other: '{{count}} messages on this device can be searched.',
  emptyTitle: 'No messages on this device yet.',
  emptyBody:
    'Messages you read or send in this browser are kept here, encrypted, so that you can search them later.',
  nothing: 'Nothing found for “{{query}}”.',
  found_one: '{{count}} message found.',
  found_other: '{{count}} messages found.',
  showing: 'Showing the newest {{shown}}.',
  more: 'Show more results',
  results: 'Messages found',
  you: 'You',
  leftConversation: 'A conversation you are no longer in',
  failed: 'The messages kept on this device could not be opened for the search.',
  unreadable_one: '{{count}} stored message could not be opened and is left out.',
  unreadable_other: '{{count}} stored messages could not be opened and are left out.',
};
