import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConversationKind, ParticipantRole } from '@app/messaging';

registerEnumType(ConversationKind, { name: 'ConversationKind' });
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });

@ObjectType('Participant')
export class ParticipantModel {
  @Field(() => ID)
  memberId: string;

  @Field(() => ParticipantRole)
  role: ParticipantRole;

  @Field(() => Int, { description: 'Messages up to this seq were read by the member' })
  readSeq: number;

  @Field()
  joinedAt: Date;
}

@ObjectType('Conversation', { description: 'A direct or group conversation, as the caller sees it' })
export class ConversationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ConversationKind)
  kind: ConversationKind;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: 'Seq of the newest message (0: none yet)' })
  lastSeq: number;

  @Field()
  lastActivityAt: Date;

  @Field(() => Int)
  unreadCount: number;

  @Field(() => ParticipantRole)
  myRole: ParticipantRole;

  @Field(() => [ParticipantModel], { description: 'Current participants' })
  participants: ParticipantModel[];
}

@ObjectType('Message')
export class MessageModel {
  @Field(() => ID)
  messageId: string;

  @Field(() => ID)
  conversationId: string;

  @Field(() => Int)
  seq: number;

  @Field(() => ID)
  senderId: string;

  @Field(() => ID)
  senderDeviceId: string;

  @Field()
  clientMessageId: string;

  @Field({
    description:
      'The end-to-end encrypted envelope v1 as JSON text: ciphertext only; clients decrypt it (libs/client)',
  })
  envelope: string;

  @Field()
  sentAt: Date;
}

@ObjectType('MessagePage')
export class MessagePageModel {
  @Field(() => [MessageModel], { description: 'Oldest first' })
  messages: MessageModel[];

  @Field({ description: 'Older messages exist before the first one' })
  hasMore: boolean;
}

@ObjectType('Device')
export class DeviceModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  memberId: string;

  @Field()
  name: string;

  @Field({ description: 'Ed25519 public key, base64' })
  identityKey: string;

  @Field({ description: 'X25519 public key, base64' })
  encryptionKey: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The identity key’s signature over both keys (null: registered before E2EE, never wrapped for)',
  })
  keySignature: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}
