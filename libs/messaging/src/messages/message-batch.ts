import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { DomainException, ErrorCode, fieldError, FieldErrorCode } from '@app/common';
import { rawQuery } from '@app/database';
import { isActiveMember, MemberEntity } from '@app/identity';
import { ParticipantEntity } from '../entities/conversation.entity';
import { DeviceEntity } from '../entities/device.entity';
import { MessageEntity } from '../entities/message.entity';

export interface BatchItem {
  sender: { memberId: string; deviceId: string };
  conversationId: string;
  clientMessageId: string;
  /** Validated envelope, as JSON text. */
  envelope: string;
  /** The devices the envelope wraps the message key for. */
  wrapDeviceIds: string[];
}

export type BatchOutcome =
  | { kind: 'stored'; message: MessageEntity; recipients: string[] }
  | { kind: 'retried'; message: MessageEntity }
  | { kind: 'refused'; error: DomainException };

const INSERT_CHUNK = 100;

/**
 * Stores a batch of messages inside the caller's transaction with a fixed number of statements, whatever its size:
 * one idempotency lookup, one participants query, one device and one member check (senders and wrapped devices), one seq UPDATE per conversation
 * (in id order, so concurrent batches lock conversations in the same order), one multi-row INSERT, one read-cursor
 * UPDATE per (conversation, sender). Each message is decided on its own: refused ones change nothing.
 */
export async function storeBatch(
  manager: EntityManager,
  batch: BatchItem[],
  now = new Date(),
): Promise<BatchOutcome[]> {
  const key = (memberId: string, clientMessageId: string) => `${memberId}\u0000${clientMessageId}`;
  const conversationIds = [...new Set(batch.map((item) => item.conversationId))];
  const deviceIds = [...new Set(batch.flatMap((item) => [item.sender.deviceId, ...item.wrapDeviceIds]))];

  const senderIds = [...new Set(batch.map((item) => item.sender.memberId))];

  // One after another: a transaction is one connection, which runs one query at a time anyway (pg queues them, and
  // warns that overlapping queries on one client will be refused by its next major version).
  const stored = await manager.find(MessageEntity, {
    where: batch.map((item) => ({ senderId: item.sender.memberId, clientMessageId: item.clientMessageId })),
  });
  const participants = await manager.find(ParticipantEntity, {
    select: { conversationId: true, memberId: true },
    where: { conversationId: In(conversationIds), leftAt: IsNull() },
  });
  const devices = await manager.find(DeviceEntity, {
    select: { id: true, memberId: true },
    where: { id: In(deviceIds), revokedAt: IsNull() },
  });
  // Senders and the owners of every named device: all must be vetted.
  const members = await manager
    .createQueryBuilder(MemberEntity, 'm')
    .select(['m.id', 'm.status', 'm.vettedUntil'])
    .where('m.id IN (:...senderIds)', { senderIds })
    .orWhere('m.id IN (SELECT d.member_id FROM device d WHERE d.id IN (:...deviceIds))', { deviceIds })
    .getMany();
  const previous = new Map(
    stored.map((message) => [key(message.senderId, message.clientMessageId), message]),
  );
  const current = new Map<string, string[]>();
  for (const row of participants) {
    current.set(row.conversationId, [...(current.get(row.conversationId) ?? []), row.memberId]);
  }
  const activeMembers = new Set(
    members.filter((member) => isActiveMember(member, now)).map((member) => member.id),
  );
  const usableDevices = new Set(devices.map((device) => `${device.memberId}:${device.id}`));
  const ownerOf = new Map(devices.map((device) => [device.id, device.memberId]));
  /** Wraps only for unrevoked devices of current, vetted participants: never a removed or suspended member's. */
  const strayWraps = (item: BatchItem) => {
    const present = current.get(item.conversationId) ?? [];
    return item.wrapDeviceIds.filter((deviceId) => {
      const owner = ownerOf.get(deviceId);
      return !owner || !present.includes(owner) || !activeMembers.has(owner);
    });
  };

  // Decide each message in order; accepted ones get their seq below.
  const outcomes: (BatchOutcome | { kind: 'accepted'; message: MessageEntity })[] = batch.map((item) => {
    const earlier = previous.get(key(item.sender.memberId, item.clientMessageId));
    if (earlier) {
      return earlier.conversationId === item.conversationId
        ? { kind: 'retried', message: earlier }
        : {
            kind: 'refused',
            error: new DomainException(
              ErrorCode.CONFLICT,
              'This clientMessageId was already used for another conversation.',
            ),
          };
    }
    if (!(current.get(item.conversationId) ?? []).includes(item.sender.memberId)) {
      return {
        kind: 'refused',
        error: DomainException.forbidden('You are not a participant of this conversation.'),
      };
    }
    if (!activeMembers.has(item.sender.memberId)) {
      return { kind: 'refused', error: DomainException.forbidden('Only vetted members can send messages.') };
    }
    if (!usableDevices.has(`${item.sender.memberId}:${item.sender.deviceId}`)) {
      return { kind: 'refused', error: DomainException.forbidden('This device has been revoked.') };
    }
    const stray = strayWraps(item);
    if (stray.length > 0) {
      return {
        kind: 'refused',
        error: DomainException.badInput(
          'The envelope wraps the key for devices that may not read this conversation; refresh the keys and seal again.',
          stray.map((deviceId) =>
            fieldError(
              'wraps',
              FieldErrorCode.NOT_ALLOWED,
              `device ${deviceId} may not read this conversation`,
            ),
          ),
        ),
      };
    }
    const message = Object.assign(new MessageEntity(), {
      id: randomUUID(),
      conversationId: item.conversationId,
      seq: 0,
      senderId: item.sender.memberId,
      senderDeviceId: item.sender.deviceId,
      clientMessageId: item.clientMessageId,
      envelope: item.envelope,
      sentAt: now,
    });
    // A retry inside the same batch answers with this one.
    previous.set(key(item.sender.memberId, item.clientMessageId), message);
    return { kind: 'accepted', message };
  });

  const accepted = outcomes.flatMap((outcome) => (outcome.kind === 'accepted' ? [outcome.message] : []));
  if (accepted.length > 0) {
    const perConversation = new Map<string, MessageEntity[]>();
    for (const message of accepted) {
      perConversation.set(message.conversationId, [
        ...(perConversation.get(message.conversationId) ?? []),
        message,
      ]);
    }
    for (const conversationId of [...perConversation.keys()].sort()) {
      const messages = perConversation.get(conversationId) as MessageEntity[];
      await rawQuery(
        manager,
        'UPDATE conversation SET last_seq = last_seq + :count, last_activity_at = :now WHERE id = :id',
        { count: messages.length, now, id: conversationId },
      );
    }
    const seqs = await rawQuery<{ id: string; lastSeq: number | string }>(
      manager,
      'SELECT id, last_seq AS "lastSeq" FROM conversation WHERE id IN (:...ids)',
      { ids: [...perConversation.keys()] },
    );
    for (const { id, lastSeq } of seqs) {
      const messages = perConversation.get(id) as MessageEntity[];
      const first = Number(lastSeq) - messages.length + 1;
      messages.forEach((message, index) => (message.seq = first + index));
    }
    for (let i = 0; i < accepted.length; i += INSERT_CHUNK) {
      await manager.insert(MessageEntity, accepted.slice(i, i + INSERT_CHUNK));
    }
    // The senders have read their own messages.
    const cursors = new Map<string, MessageEntity>();
    accepted.forEach((message) => cursors.set(`${message.conversationId}:${message.senderId}`, message));
    for (const message of cursors.values()) {
      await rawQuery(
        manager,
        'UPDATE participant SET read_seq = :seq WHERE conversation_id = :conversationId AND member_id = :memberId AND read_seq < :seq',
        { seq: message.seq, conversationId: message.conversationId, memberId: message.senderId },
      );
    }
  }
  return outcomes.map((outcome) =>
    outcome.kind === 'accepted'
      ? {
          kind: 'stored',
          message: outcome.message,
          recipients: current.get(outcome.message.conversationId) ?? [],
        }
      : outcome,
  );
}
