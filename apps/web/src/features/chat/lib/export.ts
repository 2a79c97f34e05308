import type { TrustState } from '@app/client';
import type { HandlingCaveat } from '@app/crypto';
import type { ChatConversationFragment, ChatPersonFragment } from '@web/lib/graphql/graphql';
import type { ChatLine } from './threads';

/** What this device knows of a participant's keys: compared, not compared, changed since, or never seen here. */
export type Verification = 'verified' | 'unverified' | 'changed' | 'unknown';

export interface ExportParticipant {
  memberId: string;
  /** Their display name; null when this member may not see their profile (a suspended member, say). */
  name: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  position: string | null;
  agency: string | null;
  role: 'OWNER' | 'MEMBER';
  /** The member who exported the conversation. */
  exporter: boolean;
  /** As this device sees it; null for the exporter (one's own keys are not compared). */
  verification: Verification | null;
}

export interface ExportMessage {
  seq: number;
  /** When the server stored it (ISO, UTC). */
  sentAt: string;
  senderId: string;
  senderName: string | null;
  /** 'NONE' when the message carries no caveat; null when it could not be opened (its caveat is inside it). */
  caveat: HandlingCaveat | null;
  /** The decrypted text; null when this device could not open the message. */
  text: string | null;
  /** Why it could not be opened (null when it was). */
  undecryptable: NonNullable<ChatLine['problem']> | null;
  /** What this device believed of the sender's keys when it opened the message (null: the exporter's own, or not known). */
  senderKeys: TrustState | null;
}

export interface ConversationExport {
  format: 'counterpart-conversation-export';
  version: 1;
  /** ISO, UTC. */
  exportedAt: string;
  exportedBy: { memberId: string; name: string | null; deviceId: string | null };
  conversation: { id: string; kind: 'DIRECT' | 'GROUP'; title: string };
  participants: ExportParticipant[];
  /** Stored messages only (none still waiting to be sent), in the server's order. */
  messages: ExportMessage[];
  notes: { plaintext: string; verification: string; caveats: string };
}

type Person = Pick<ChatPersonFragment, 'displayName' | 'country' | 'position' | 'agency'>;

export interface ExportInput {
  exportedAt: Date;
  exporter: { memberId: string; deviceId: string | null };
  conversation: Pick<ChatConversationFragment, 'id' | 'kind' | 'participants'>;
  /** The title as the screen shows it (a direct conversation is called by the partner's name). */
  title: string;
  /** Profiles by member id (participants and senders); absent ids export with a null name. */
  people: ReadonlyMap<string, Person> | undefined;
  /** What this device knows of a member's keys. */
  trustOf: (memberId: string) => TrustState | undefined;
  /** The conversation's lines as this device holds them. */
  lines: readonly ChatLine[];
}

/** The file's own words (English: a file format, read by whoever receives it; the printable page is translated). */
export const EXPORT_NOTES: ConversationExport['notes'] = {
  plaintext:
    'The messages are end-to-end encrypted: the server never had their text. They were decrypted on the exporting device, and this record holds what that device could open.',
  verification:
    'Verification statuses are what the exporting device knows: "verified" means the safety number was compared on that device; another device of the same member may know more or less.',
  caveats:
    'Each message must be handled according to its caveat: one marked INFORMAL_NOT_FOR_JUDICIAL_USE may not be used in proceedings without the sender’s consent (a formal request is needed).',
};

/** A conversation as this device decrypted it, for the record: who, when, under which caveat, verified or not. */
export function buildExport(input: ExportInput): ConversationExport {
  const { exporter, people } = input;
  const nameOf = (memberId: string) => people?.get(memberId)?.displayName ?? null;
  return {
    format: 'counterpart-conversation-export',
    version: 1,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: { memberId: exporter.memberId, name: nameOf(exporter.memberId), deviceId: exporter.deviceId },
    conversation: { id: input.conversation.id, kind: input.conversation.kind, title: input.title },
    participants: input.conversation.participants.map(({ memberId, role }) => {
      const person = people?.get(memberId);
      const self = memberId === exporter.memberId;
      return {
        memberId,
        name: person?.displayName ?? null,
        country: person?.country ?? null,
        position: person?.position ?? null,
        agency: person?.agency?.name ?? null,
        role,
        exporter: self,
        verification: self ? null : (input.trustOf(memberId) ?? 'unknown'),
      };
    }),
    messages: input.lines
      .filter(
        (line): line is ChatLine & { seq: number; sentAt: string } =>
          line.status === 'stored' && line.seq !== null && line.sentAt !== null,
      )
      .sort((a, b) => a.seq - b.seq)
      .map((line) => ({
        seq: line.seq,
        sentAt: line.sentAt,
        senderId: line.senderId,
        senderName: nameOf(line.senderId),
        caveat: line.body ? (line.body.caveat ?? 'NONE') : null,
        text: line.body?.text ?? null,
        undecryptable: line.body ? null : (line.problem ?? 'MALFORMED'),
        senderKeys: line.senderTrust ?? null,
      })),
    notes: EXPORT_NOTES,
  };
}

const SLUG_MAX = 40;

/**
 * `counterpart-<title>-<yyyy-mm-dd>.json` in plain ASCII (letters, digits, hyphens), whatever the title's script; a
 * title with no Latin letters or digits left (Cyrillic, Arabic…) becomes `conversation-<first characters of its id>`.
 */
export function exportFileName(record: ConversationExport): string {
  const slug = record.conversation.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  const fallback = `conversation-${record.conversation.id.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8)}`.replace(
    /-$/,
    '',
  );
  return `counterpart-${slug || fallback}-${record.exportedAt.slice(0, 10)}.json`;
}

/** The record as a file: pretty-printed JSON, ending with a newline. */
export function exportJson(record: ConversationExport): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
