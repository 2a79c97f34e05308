import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { DomainException, ErrorCode, fieldError, FieldErrorCode } from '@app/common';
import type { ChatMessage, MessageReadPayload, MessageSendPayload } from '@app/common/chat-protocol';
import { chatConfig, type ChatConfig } from '@app/config';
import { EnvelopeError, parseEnvelope } from '@app/crypto';
import { TransactionService } from '@app/database';
import { AccessPolicy, isActiveMember, type Viewer } from '@app/identity';
import { ConversationService } from '../conversations/conversation.service';
import { ParticipantEntity } from '../entities/conversation.entity';
import { MessageEntity } from '../entities/message.entity';
import { isUuid, requireUuid } from '../ids';
import { storeBatch } from './message-batch';

/** A stored message as clients receive it (`message:new`, `sync`, history). */
export type MessagePayload = ChatMessage;

/** Checked and normalized by the socket DTO (the one validation of the payload); the envelope is checked here. */
export type SendInput = MessageSendPayload;

export interface SendResult {
  message: MessagePayload;
  /** False when this was a retry of an already stored message (nothing stored, nothing to deliver). */
  created: boolean;
  /** Current participants to deliver to. */
  recipients: string[];
}

export const SYNC_LIMIT_MAX = 500;
/** Most messages committed in one transaction. */
const MAX_BATCH = 200;

type Sender = { memberId: string; deviceId: string };

interface Queued {
  sender: Sender;
  conversationId: string;
  clientMessageId: string;
  envelope: string;
  wrapDeviceIds: string[];
  resolve: (result: SendResult) => void;
  reject: (error: unknown) => void;
}

export const HISTORY_LIMIT_MAX = 100;

export function toPayload(message: MessageEntity): MessagePayload {
  return {
    conversationId: message.conversationId,
    messageId: message.id,
    seq: message.seq,
    senderId: message.senderId,
    senderDeviceId: message.senderDeviceId,
    clientMessageId: message.clientMessageId,
    envelope: JSON.parse(message.envelope) as unknown,
    sentAt: message.sentAt.toISOString(),
  };
}

/**
 * Message delivery rules (docs/ARCHITECTURE.md, "Chat"): a message is stored with the next gap-free seq of its
 * conversation in one transaction, acknowledged only after the commit, and delivered to current participants.
 * `clientMessageId` (unique per sender) makes a retry return the first acknowledgement and store nothing.
 */
@Injectable()
export class MessageService {
  private readonly queue: Queued[] = [];
  private flushScheduled = false;
  private flushing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly conversations: ConversationService,
    private readonly access: AccessPolicy,
    @Inject(chatConfig.KEY) private readonly chat: ChatConfig,
  ) {}

  /**
   * Stores a message and resolves once it is durably committed. Sends that arrive while a commit is running (or in
   * the same event-loop turn) are committed together in one transaction — group commit: one fsync for many
   * messages — each still checked on its own; a refused one fails alone. The input is the validated payload (ids
   * normalized); envelope errors throw before queueing.
   */
  send(sender: Sender, input: SendInput): Promise<SendResult> {
    const { conversationId, clientMessageId } = input;
    const item: Omit<Queued, 'resolve' | 'reject'> = {
      sender,
      conversationId,
      clientMessageId,
      ...this.validEnvelope(input.envelope, {
        conversationId,
        clientMessageId,
        senderDeviceId: sender.deviceId,
      }),
    };
    return new Promise<SendResult>((resolve, reject) => {
      this.queue.push({ ...item, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          void this.flush();
        });
      }
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) {
      return; // the running flush takes what arrived meanwhile
    }
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        await this.commit(this.queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One transaction for the batch; if it fails as a whole (e.g. a racing duplicate), each is retried alone. */
  private async commit(batch: Queued[]): Promise<void> {
    let outcomes: (SendResult | DomainException)[];
    try {
      outcomes = (await this.transactions.run((manager) => storeBatch(manager, batch))).map((outcome) =>
        outcome.kind === 'refused'
          ? outcome.error
          : outcome.kind === 'retried'
            ? { message: toPayload(outcome.message), created: false, recipients: [] }
            : { message: toPayload(outcome.message), created: true, recipients: outcome.recipients },
      );
    } catch (error) {
      if (batch.length > 1) {
        for (const item of batch) {
          await this.commit([item]);
        }
        return;
      }
      const [item] = batch;
      // Two retries raced (PostgreSQL): the unique (sender, clientMessageId) kept the first; answer with it.
      const retried =
        error instanceof QueryFailedError
          ? await this.previous(
              this.dataSource.manager,
              item.sender.memberId,
              item.clientMessageId,
              item.conversationId,
            ).catch(() => null)
          : null;
      if (retried) {
        item.resolve({ message: toPayload(retried), created: false, recipients: [] });
      } else {
        item.reject(error);
      }
      return;
    }
    outcomes.forEach((outcome, index) =>
      outcome instanceof DomainException ? batch[index].reject(outcome) : batch[index].resolve(outcome),
    );
  }

  /**
   * Everything after the given seqs, in (conversation, seq) order, for every conversation the member is or was in
   * (up to where they left); conversations absent from `since` start at 0.
   */
  async sync(
    memberId: string,
    since: Record<string, number>,
    limit: number,
  ): Promise<{ messages: MessagePayload[]; hasMore: boolean }> {
    const participations = await this.dataSource.getRepository(ParticipantEntity).findBy({ memberId });
    if (participations.length === 0) {
      return { messages: [], hasMore: false };
    }
    const qb = this.dataSource.getRepository(MessageEntity).createQueryBuilder('m');
    participations
      .sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1))
      .forEach((row, i) => {
        const after = since[row.conversationId] ?? 0;
        const until = row.leftAt ? ` AND m.seq <= :until${i}` : '';
        qb.orWhere(`(m.conversation_id = :conversation${i} AND m.seq > :after${i}${until})`, {
          [`conversation${i}`]: row.conversationId,
          [`after${i}`]: after,
          [`until${i}`]: row.lastVisibleSeq ?? 0,
        });
      });
    const rows = await qb
      .orderBy('m.conversation_id', 'ASC')
      .addOrderBy('m.seq', 'ASC')
      .take(limit + 1)
      .getMany();
    return { messages: rows.slice(0, limit).map(toPayload), hasMore: rows.length > limit };
  }

  /** History of one conversation, newest `last` before `beforeSeq`, returned oldest first. */
  async history(
    viewer: Viewer,
    input: { conversationId: string; beforeSeq?: number | null; last?: number | null },
  ): Promise<{ messages: MessagePayload[]; hasMore: boolean }> {
    const actor = this.access.authenticated(viewer);
    const conversationId = requireUuid(input.conversationId, 'conversationId');
    const last = input.last ?? 50;
    if (!Number.isInteger(last) || last < 1 || last > HISTORY_LIMIT_MAX) {
      throw DomainException.badInput('The page size is invalid.', [
        fieldError('last', FieldErrorCode.OUT_OF_RANGE, `must be between 1 and ${HISTORY_LIMIT_MAX}`, {
          min: 1,
          max: HISTORY_LIMIT_MAX,
        }),
      ]);
    }
    const participation = await this.dataSource
      .getRepository(ParticipantEntity)
      .findOneBy({ conversationId, memberId: actor.memberId });
    if (!participation || (!participation.leftAt && !isActiveMember(actor))) {
      throw DomainException.forbidden('You are not a participant of this conversation.');
    }
    const qb = this.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId });
    if (input.beforeSeq !== null && input.beforeSeq !== undefined) {
      qb.andWhere('m.seq < :beforeSeq', { beforeSeq: input.beforeSeq });
    }
    if (participation.leftAt) {
      qb.andWhere('m.seq <= :until', { until: participation.lastVisibleSeq ?? 0 });
    }
    const rows = await qb
      .orderBy('m.seq', 'DESC')
      .take(last + 1)
      .getMany();
    return { messages: rows.slice(0, last).reverse().map(toPayload), hasMore: rows.length > last };
  }

  /** Moves the member's read cursor forward (never back, never past the last message). Input: the validated payload. */
  async markRead(
    memberId: string,
    input: MessageReadPayload,
  ): Promise<{ readSeq: number; changed: boolean; recipients: string[] }> {
    const { conversationId } = input;
    return this.transactions.run(async (manager) => {
      const { conversation, me } = await this.conversations.requireParticipant(
        manager,
        memberId,
        conversationId,
      );
      const readSeq = Math.min(input.seq, conversation.lastSeq);
      if (readSeq <= me.readSeq) {
        return { readSeq: me.readSeq, changed: false, recipients: [] };
      }
      await manager.update(ParticipantEntity, { conversationId, memberId }, { readSeq });
      const recipients = await this.conversations.currentMemberIds(manager, conversationId);
      return { readSeq, changed: true, recipients };
    });
  }

  /** For typing: the other current participants, or FORBIDDEN for a non-participant. A validated, normalized id. */
  async othersIn(memberId: string, conversationId: string): Promise<string[]> {
    const members = await this.conversations.currentMemberIds(this.dataSource.manager, conversationId);
    if (!members.includes(memberId)) {
      throw DomainException.forbidden('You are not a participant of this conversation.');
    }
    return members.filter((member) => member !== memberId);
  }

  private previous(
    manager: EntityManager,
    senderId: string,
    clientMessageId: string,
    conversationId: string,
  ): Promise<MessageEntity | null> {
    return manager.findOneBy(MessageEntity, { senderId, clientMessageId }).then((found) => {
      if (found && found.conversationId !== conversationId) {
        throw new DomainException(
          ErrorCode.CONFLICT,
          'This clientMessageId was already used for another conversation.',
        );
      }
      return found;
    });
  }

  /**
   * The server cannot read an envelope; it checks what it can: the v1 shape and sizes, that it was sealed for this
   * conversation, this clientMessageId and the sending device (a receiver would refuse it otherwise), and returns the
   * devices it wraps the key for (checked against the participants in the commit).
   */
  private validEnvelope(
    value: unknown,
    expected: { conversationId: string; clientMessageId: string; senderDeviceId: string },
  ): { envelope: string; wrapDeviceIds: string[] } {
    let parsed: ReturnType<typeof parseEnvelope>;
    try {
      parsed = parseEnvelope(value);
    } catch (error) {
      const reason = error instanceof EnvelopeError ? error.message : 'envelope: unreadable';
      throw DomainException.badInput('The envelope is not a valid envelope v1.', [
        fieldError('envelope', FieldErrorCode.INVALID, reason),
      ]);
    }
    // Exactly as receivers will compare them (ids as the server stores them: lowercase UUIDs).
    const mismatched = (['conversationId', 'clientMessageId', 'senderDeviceId'] as const).filter(
      (field) => parsed.envelope[field] !== expected[field],
    );
    if (mismatched.length > 0) {
      throw DomainException.badInput(
        'The envelope was sealed for another message.',
        mismatched.map((field) =>
          fieldError('envelope', FieldErrorCode.INVALID, `${field} does not match the message`),
        ),
      );
    }
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) > this.chat.maxEnvelopeBytes) {
      throw DomainException.badInput('The envelope is too large.', [
        fieldError(
          'envelope',
          FieldErrorCode.TOO_LONG,
          `must be at most ${this.chat.maxEnvelopeBytes} bytes`,
          {
            max: this.chat.maxEnvelopeBytes,
          },
        ),
      ]);
    }
    const wrapDeviceIds = parsed.wraps.map((wrap) => wrap.deviceId);
    if (!wrapDeviceIds.every((id) => isUuid(id) && id === id.toLowerCase())) {
      throw DomainException.badInput('The envelope wraps the key for an unknown device.', [
        fieldError(
          'envelope',
          FieldErrorCode.INVALID_ID,
          'every wrap deviceId must be a device id (lowercase UUID)',
        ),
      ]);
    }
    return { envelope: text, wrapDeviceIds };
  }
}
