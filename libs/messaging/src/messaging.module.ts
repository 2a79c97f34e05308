import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { ConversationService } from './conversations/conversation.service';
import { DeviceService } from './devices/device.service';
import { KeyDirectoryService } from './devices/key-directory.service';
import { ConversationEntity, ParticipantEntity } from './entities/conversation.entity';
import { DeviceEntity } from './entities/device.entity';
import { MessageEntity } from './entities/message.entity';
import { MessageService } from './messages/message.service';
import { MessagingEvents } from './messaging-events';

export const MESSAGING_ENTITIES = [ConversationEntity, ParticipantEntity, DeviceEntity, MessageEntity];

/** Conversations, participants, devices and messages: the chat domain, shared by GraphQL and the socket gateway. */
@Module({
  imports: [TypeOrmModule.forFeature(MESSAGING_ENTITIES), IdentityModule],
  providers: [ConversationService, DeviceService, KeyDirectoryService, MessageService, MessagingEvents],
  exports: [ConversationService, DeviceService, KeyDirectoryService, MessageService, MessagingEvents],
})
export class MessagingModule {}
